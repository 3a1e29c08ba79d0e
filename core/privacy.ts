// Privacy rules shared by every response (China's PIPL): what a caller may see of people's contacts.

/** Masks a phone number for public display, keeping the prefix and the last 4 digits: 100-****-1234. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '****';
  const parts = phone.split('-');
  if (parts.length === 3) return `${parts[0]}-${'*'.repeat(parts[1].length)}-${parts[2]}`;
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}
