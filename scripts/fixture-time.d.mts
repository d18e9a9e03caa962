export const FIXTURE_NEWEST: number;
export function chinaStamp(ms: number): string;
export function shiftStamps(html: string, newest: number): string;
