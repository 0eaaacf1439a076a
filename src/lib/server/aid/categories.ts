// The taxonomy is shared with the pages (icons, labels), so it lives outside server/.
export { CATEGORY_CODES, isCategory, type Category } from '../../aid/categories.ts';
