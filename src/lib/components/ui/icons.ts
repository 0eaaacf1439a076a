// The one icon set of Wijkweb (Lucide, imported per icon so a page carries only a few hundred bytes
// per icon). Each name has one meaning everywhere; add a name here rather than drawing an icon in a page.
import type { Component } from 'svelte';
import ShoppingBasketIcon from '@lucide/svelte/icons/shopping-basket';
import CoffeeIcon from '@lucide/svelte/icons/coffee';
import FootprintsIcon from '@lucide/svelte/icons/footprints';
import FileTextIcon from '@lucide/svelte/icons/file-text';
import BookOpenIcon from '@lucide/svelte/icons/book-open';
import BabyIcon from '@lucide/svelte/icons/baby';
import WrenchIcon from '@lucide/svelte/icons/wrench';
import SproutIcon from '@lucide/svelte/icons/sprout';
import LanguagesIcon from '@lucide/svelte/icons/languages';
import CarIcon from '@lucide/svelte/icons/car';
import CookingPotIcon from '@lucide/svelte/icons/cooking-pot';
import PackageIcon from '@lucide/svelte/icons/package';
import EllipsisIcon from '@lucide/svelte/icons/ellipsis';
import ArrowLeftIcon from '@lucide/svelte/icons/arrow-left';
import ArrowRightIcon from '@lucide/svelte/icons/arrow-right';
import ChevronDownIcon from '@lucide/svelte/icons/chevron-down';
import ChevronRightIcon from '@lucide/svelte/icons/chevron-right';
import CheckIcon from '@lucide/svelte/icons/check';
import XIcon from '@lucide/svelte/icons/x';
import CircleAlertIcon from '@lucide/svelte/icons/circle-alert';
import CircleCheckIcon from '@lucide/svelte/icons/circle-check';
import InfoIcon from '@lucide/svelte/icons/info';
import TriangleAlertIcon from '@lucide/svelte/icons/triangle-alert';
import GlobeIcon from '@lucide/svelte/icons/globe';
import MenuIcon from '@lucide/svelte/icons/menu';
import CalendarIcon from '@lucide/svelte/icons/calendar';
import ClockIcon from '@lucide/svelte/icons/clock';
import MapPinIcon from '@lucide/svelte/icons/map-pin';
import PhoneIcon from '@lucide/svelte/icons/phone';
import MailIcon from '@lucide/svelte/icons/mail';
import UserIcon from '@lucide/svelte/icons/user';
import UsersIcon from '@lucide/svelte/icons/users';
import ShieldAlertIcon from '@lucide/svelte/icons/shield-alert';
import HandHeartIcon from '@lucide/svelte/icons/hand-heart';
import HandHelpingIcon from '@lucide/svelte/icons/hand-helping';
import SearchIcon from '@lucide/svelte/icons/search';
import PlusIcon from '@lucide/svelte/icons/plus';
import PencilIcon from '@lucide/svelte/icons/pencil';
import Trash2Icon from '@lucide/svelte/icons/trash-2';
import LogOutIcon from '@lucide/svelte/icons/log-out';
import HouseIcon from '@lucide/svelte/icons/house';
import InboxIcon from '@lucide/svelte/icons/inbox';
import ChartColumnIcon from '@lucide/svelte/icons/chart-column';
import ListChecksIcon from '@lucide/svelte/icons/list-checks';
import HourglassIcon from '@lucide/svelte/icons/hourglass';
import SunIcon from '@lucide/svelte/icons/sun';
import SunsetIcon from '@lucide/svelte/icons/sunset';
import MoonIcon from '@lucide/svelte/icons/moon';
import CalendarDaysIcon from '@lucide/svelte/icons/calendar-days';
import SendIcon from '@lucide/svelte/icons/send';
// Fieldwork themes (src/lib/themes.ts) and ties.
import LandmarkIcon from '@lucide/svelte/icons/landmark';
import PaletteIcon from '@lucide/svelte/icons/palette';
import CoinsIcon from '@lucide/svelte/icons/coins';
import BriefcaseIcon from '@lucide/svelte/icons/briefcase';
import HeartPulseIcon from '@lucide/svelte/icons/heart-pulse';
import LinkIcon from '@lucide/svelte/icons/link';
import UnlinkIcon from '@lucide/svelte/icons/unlink';

export const ICONS = {
	basket: ShoppingBasketIcon,
	cup: CoffeeIcon,
	walk: FootprintsIcon,
	form: FileTextIcon,
	book: BookOpenIcon,
	child: BabyIcon,
	tool: WrenchIcon,
	leaf: SproutIcon,
	speech: LanguagesIcon,
	car: CarIcon,
	pot: CookingPotIcon,
	box: PackageIcon,
	dots: EllipsisIcon,
	back: ArrowLeftIcon,
	next: ArrowRightIcon,
	down: ChevronDownIcon,
	forward: ChevronRightIcon,
	check: CheckIcon,
	close: XIcon,
	error: CircleAlertIcon,
	success: CircleCheckIcon,
	info: InfoIcon,
	warning: TriangleAlertIcon,
	globe: GlobeIcon,
	menu: MenuIcon,
	calendar: CalendarIcon,
	clock: ClockIcon,
	place: MapPinIcon,
	phone: PhoneIcon,
	mail: MailIcon,
	person: UserIcon,
	people: UsersIcon,
	safeguard: ShieldAlertIcon,
	need: HandHeartIcon,
	offer: HandHelpingIcon,
	search: SearchIcon,
	add: PlusIcon,
	edit: PencilIcon,
	delete: Trash2Icon,
	'sign-out': LogOutIcon,
	home: HouseIcon,
	empty: InboxIcon,
	chart: ChartColumnIcon,
	tasks: ListChecksIcon,
	waiting: HourglassIcon,
	morning: SunIcon,
	afternoon: SunsetIcon,
	evening: MoonIcon,
	weekend: CalendarDaysIcon,
	send: SendIcon,
	services: LandmarkIcon,
	leisure: PaletteIcon,
	coins: CoinsIcon,
	work: BriefcaseIcon,
	health: HeartPulseIcon,
	link: LinkIcon,
	unlink: UnlinkIcon
} satisfies Record<
	string,
	Component<{ size?: number; 'aria-hidden'?: 'true'; 'aria-label'?: string; role?: string; class?: string; 'stroke-width'?: number }>
>;

export type IconName = keyof typeof ICONS;
