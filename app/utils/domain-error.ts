import { isMessageKey, type MessageKey, type MessageParams } from "#app/i18n/i18n.ts";

/**
 * Domain errors: a refusal the domain code gives (not found, not allowed, changed in
 * the meantime, too many, not valid), as opposed to a fault. Each error class names its
 * codes in a union and, next to it, an exhaustive table of what each code means: its
 * kind (which HTTP status it becomes) and its message in the catalogues. A loader or
 * action that does not handle one itself lets it through: `withDomainErrors` (applied
 * to the whole server build by server.js) turns it into a response with that status,
 * and the error boundary shows the status's page with the code's message.
 */

export type DomainErrorKind = "not_found" | "forbidden" | "conflict" | "too_many" | "invalid";

export const STATUS_OF_KIND: Readonly<Record<DomainErrorKind, number>> = {
  not_found: 404,
  forbidden: 403,
  conflict: 409,
  too_many: 429,
  invalid: 422,
};

/** What each code of one error class means. Exhaustive: a new code without a message does not compile. */
export type DomainErrorTable<Code extends string> = Readonly<
  Record<Code, { kind: DomainErrorKind; message: MessageKey }>
>;

export abstract class DomainError<Code extends string = string> extends Error {
  readonly kind: DomainErrorKind;
  readonly messageKey: MessageKey;

  constructor(
    readonly code: Code,
    table: DomainErrorTable<Code>,
    /** Values for the message's placeholders. */
    readonly params: MessageParams = {},
    /** For logs and the command line; defaults to the code. */
    detail?: string,
  ) {
    super(detail ?? code);
    this.name = new.target.name;
    this.kind = table[code].kind;
    this.messageKey = table[code].message;
  }

  get status(): number {
    return STATUS_OF_KIND[this.kind];
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/** What an error response carries for the error boundary (and for API clients). */
export interface DomainErrorBody {
  code: string;
  messageKey: MessageKey;
  params: MessageParams;
}

export function domainErrorBody(error: DomainError): DomainErrorBody {
  return { code: error.code, messageKey: error.messageKey, params: error.params };
}

/** Any domain error as the response a loader or action throws: its kind's status, its code and message. */
export function domainErrorResponse(error: DomainError): Response {
  return Response.json(domainErrorBody(error), { status: error.status });
}

/**
 * Wraps a loader or action: a domain error it lets through is thrown as its response
 * (403, 404, 409, 422 or 429); anything else goes on unchanged.
 */
export function handleDomainErrors<Args extends unknown[], Result>(
  handler: (...args: Args) => Result | Promise<Result>,
): (...args: Args) => Promise<Result> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof DomainError) throw domainErrorResponse(error);
      throw error;
    }
  };
}

/** The body of an error response, when it is a domain error's. */
export function readDomainErrorBody(data: unknown): DomainErrorBody | null {
  if (typeof data !== "object" || data === null) return null;
  const { code, messageKey, params } = data as Partial<Record<keyof DomainErrorBody, unknown>>;
  if (typeof code !== "string" || !isMessageKey(messageKey)) return null;
  return {
    code,
    messageKey,
    params: typeof params === "object" && params !== null ? (params as MessageParams) : {},
  };
}
