import { place } from "./crypto.server";

/**
 * The places encrypted columns are bound to (table, column, row id), one helper per
 * column, so that writer, reader and key rotation always name a place the same way.
 */
export const letterBody = (id: string) => place("Letter", "bodyEncrypted", id);
export const letterReturnAddress = (id: string) => place("Letter", "returnAddressEncrypted", id);
export const replyText = (id: string) => place("Reply", "textEncrypted", id);
export const replyAttachment = (id: string) => place("Reply", "attachmentEncrypted", id);
export const parcelSenderDetails = (id: string) => place("Parcel", "senderDetailsEncrypted", id);
export const importFileContent = (id: string) => place("ImportRun", "fileContent", id);
export const outboxText = (id: string) => place("EmailOutbox", "textBody", id);
export const outboxHtml = (id: string) => place("EmailOutbox", "htmlBody", id);
export const totpSecret = (id: string) => place("Verification", "secret", id);
export const familyContact = (id: string) => place("Family", "contactEncrypted", id);
