import os from "node:os";
import path from "node:path";
import fs from "node:fs";

// Integration tests never touch ./data: secrets and keys for the test process.
process.env.DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "sm-test-data-"));
process.env.SESSION_SECRET ??= "test-session-secret-one,test-session-secret-old";
process.env.DATA_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");
process.env.APP_URL ??= "http://localhost:3999";
