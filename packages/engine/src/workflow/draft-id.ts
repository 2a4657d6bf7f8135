/**
 * Draft numbers. The server allots them from its `brouillon` sequence (10 000 and up). A draft first saved
 * while the server does not answer (HttpStore with its outbox) gets a provisional id on this device,
 * « provisoire-… »; the outbox asks the server for the real number on the first send, saves the draft
 * under it, and tells the wizard (a `renamed` sync event), which then shows and links the real number.
 */
export const DRAFT_SEQUENCE = 'brouillon';
const FIRST_DRAFT_NUMBER = 10_000;
const PROVISIONAL = 'provisoire-';

/** The draft id of a value of the server's sequence. */
export const draftIdOf = (sequence: number): string => String(FIRST_DRAFT_NUMBER + sequence);

/** A new id kept on this device until the server allots the number. */
export const provisionalDraftId = (): string => `${PROVISIONAL}${globalThis.crypto.randomUUID().slice(0, 8)}`;

export const isProvisionalDraftId = (id: string): boolean => id.startsWith(PROVISIONAL);
