import { m } from '#lib/paraglide/messages.js';
import type { IconName } from '#lib/components/ui/icons.ts';
import { labelled, type LabelRow } from '#lib/labelled.ts';

// The contact types as people read them, with a picture each (the log form's tiles, the lists).

const TYPE: Record<string, LabelRow> = {
	home_visit: { label: m.fw_contact_type_home_visit, icon: 'home' },
	street: { label: m.fw_contact_type_street, icon: 'walk' },
	office_hours: { label: m.fw_contact_type_office_hours, icon: 'clock' },
	phone: { label: m.fw_contact_type_phone, icon: 'phone' },
	group: { label: m.fw_contact_type_group, icon: 'people' },
	at_partner: { label: m.fw_contact_type_at_partner, icon: 'link' },
	online: { label: m.fw_contact_type_online, icon: 'globe' }
};
export const contactTypeLabel = (t: string) => labelled(t, TYPE).label;
export const contactTypeIcon = (t: string): IconName => labelled(t, TYPE).icon;
