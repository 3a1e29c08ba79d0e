// Receipts of the resident's reports, kept in localStorage so "my reports" can reopen them later.
export interface StoredReceipt {
  id: string;
  receipt: string;
  category: string;
  block: { id: string; name: string };
  community: string;
  reported_at: string;
  /** Last status seen, for the list. */
  status: string;
}

const KEY = 'yuhu.receipts.v1';

function read(): StoredReceipt[] {
  try {
    const raw = window.localStorage.getItem(KEY);
    const list = raw ? (JSON.parse(raw) as unknown) : [];
    return Array.isArray(list) ? (list as StoredReceipt[]).filter((r) => r && typeof r.id === 'string') : [];
  } catch {
    // Private mode or storage disabled: the list is simply empty.
    return [];
  }
}

function write(list: StoredReceipt[]): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(list));
  } catch {
    // Storage full or disabled: the receipt is still shown on screen.
  }
}

/** All stored receipts, newest first. */
export function listReceipts(): StoredReceipt[] {
  return read().sort((a, b) => b.reported_at.localeCompare(a.reported_at));
}

export function findReceipt(id: string): StoredReceipt | undefined {
  return read().find((r) => r.id === id);
}

/** Adds or replaces a receipt (same id). */
export function saveReceipt(receipt: StoredReceipt): void {
  write([receipt, ...read().filter((r) => r.id !== receipt.id)]);
}

export function updateReceiptStatus(id: string, status: string): void {
  write(read().map((r) => (r.id === id ? { ...r, status } : r)));
}

export function removeReceipt(id: string): void {
  write(read().filter((r) => r.id !== id));
}
