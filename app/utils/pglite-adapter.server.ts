import type { PrismaPGlite } from "pglite-prisma-adapter";
import type {
  ArgScalarType,
  ArgType,
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";

/**
 * pglite-prisma-adapter is built against an older copy of Prisma's driver-adapter
 * types. The one difference in the contract is how a query describes its arguments'
 * types: once a name ("Int32", "Text"…), now a scalar type and an arity. The adapter
 * does not read them (it passes `sql` and `args` to PGlite as they are), but they are
 * translated here all the same, so that the adapter gets exactly the query its own
 * types promise and the Prisma client gets an adapter of the type it asks for, with
 * no cast in between.
 */

type LegacyFactory = PrismaPGlite;
type LegacyAdapter = Awaited<ReturnType<LegacyFactory["connect"]>>;
type LegacyTransaction = Awaited<ReturnType<LegacyAdapter["startTransaction"]>>;
type LegacyQuery = Parameters<LegacyAdapter["queryRaw"]>[0];
type LegacyArgType = LegacyQuery["argTypes"][number];

const LEGACY_SCALAR: Record<ArgScalarType, LegacyArgType> = {
  string: "Text",
  int: "Int32",
  bigint: "Int64",
  float: "Double",
  decimal: "Numeric",
  boolean: "Boolean",
  enum: "Enum",
  uuid: "Uuid",
  json: "Json",
  datetime: "DateTime",
  bytes: "Bytes",
  unknown: "Unknown",
};

export function legacyArgType(type: ArgType): LegacyArgType {
  if (type.arity === "list") return type.scalarType === "enum" ? "EnumArray" : "Array";
  return LEGACY_SCALAR[type.scalarType];
}

function legacyQuery(query: SqlQuery): LegacyQuery {
  return { sql: query.sql, args: query.args, argTypes: query.argTypes.map(legacyArgType) };
}

function transaction(legacy: LegacyTransaction): Transaction {
  return {
    provider: legacy.provider,
    adapterName: legacy.adapterName,
    options: legacy.options,
    queryRaw: (query) => legacy.queryRaw(legacyQuery(query)),
    executeRaw: (query) => legacy.executeRaw(legacyQuery(query)),
    commit: () => legacy.commit(),
    rollback: () => legacy.rollback(),
  };
}

function adapter(legacy: LegacyAdapter): SqlDriverAdapter {
  return {
    provider: legacy.provider,
    adapterName: legacy.adapterName,
    queryRaw: (query) => legacy.queryRaw(legacyQuery(query)),
    executeRaw: (query) => legacy.executeRaw(legacyQuery(query)),
    executeScript: (script) => legacy.executeScript(script),
    startTransaction: async (isolationLevel) => transaction(await legacy.startTransaction(isolationLevel)),
    getConnectionInfo: legacy.getConnectionInfo?.bind(legacy),
    dispose: () => legacy.dispose(),
  };
}

/** The PGlite adapter factory as the current Prisma client types it. */
export function pgliteAdapterFactory(legacy: LegacyFactory): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: legacy.provider,
    adapterName: legacy.adapterName,
    connect: async () => adapter(await legacy.connect()),
    connectToShadowDb: async () => adapter(await legacy.connectToShadowDb()),
  };
}
