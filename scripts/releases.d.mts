export function buildRelease(commit: string): string;
export function extensionKey(): { key: string; id: string };
export function installBuild(from: string, dir: string, key: string): void;
