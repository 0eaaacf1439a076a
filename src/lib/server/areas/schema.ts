import { integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../db/columns.ts';

// A neighbourhood ("wijk", "quartier"). The boundary is GeoJSON geometry in WGS84.
export const areasArea = pgTable('areas_area', {
	id: id(),
	name: text('name').notNull(),
	city: text('city').notNull(),
	code: text('code').notNull().unique(),
	boundary: jsonb('boundary'),
	// Where the boundary comes from, shown wherever the area is (open-data licences require it).
	source: text('source'),
	createdAt: createdAt(),
	updatedAt: updatedAt()
});

// A place where the work happens: the neighbourhood house, a school, a community centre.
export const areasPlace = pgTable('areas_place', {
	id: id(),
	areaId: uuid('area_id')
		.notNull()
		.references(() => areasArea.id),
	organisationId: uuid('organisation_id'),
	name: text('name').notNull(),
	kind: text('kind', { enum: ['neighbourhood_house', 'other'] }).notNull(),
	address: text('address'),
	capacity: integer('capacity'),
	createdAt: createdAt(),
	updatedAt: updatedAt()
});
