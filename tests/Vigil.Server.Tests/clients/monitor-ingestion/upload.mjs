// Uploads records to a data collection rule stream of a live Vigil server with Microsoft's LogsIngestionClient.
// Environment: VIGIL_URL (the rule's logsIngestion endpoint), VIGIL_DCR (immutable id), VIGIL_STREAM, VIGIL_RECORDS
// (a JSON array), VIGIL_TOKEN (any bearer token the server accepts).
//
// Over https the client's own bearer-token policy sends the token. Over plain http that policy refuses to run
// ("Bearer token authentication is not permitted for non-TLS protected URLs"), so for an http endpoint this script
// replaces it, through the client's public pipeline, with one that sets the same Authorization header, and sets the
// client's allowInsecureConnection option.
import { LogsIngestionClient, isAggregateLogsUploadError } from "@azure/monitor-ingestion";

const { VIGIL_URL: url, VIGIL_DCR: ruleId, VIGIL_STREAM: stream, VIGIL_RECORDS: records } = process.env;
if (!url || !ruleId || !stream || !records) {
  console.error("VIGIL_URL, VIGIL_DCR, VIGIL_STREAM and VIGIL_RECORDS are required");
  process.exit(2);
}

const token = process.env.VIGIL_TOKEN ?? "vigil-test-token";
const credential = {
  getToken: async () => ({ token, expiresOnTimestamp: Date.now() + 3600 * 1000 }),
};
const plainHttp = url.toLowerCase().startsWith("http://");
// allowInsecureConnection is the client's documented option for non-TLS endpoints (a local server).
const client = new LogsIngestionClient(url, credential, plainHttp ? { allowInsecureConnection: true } : {});
if (plainHttp) {
  client.pipeline.removePolicy({ name: "bearerTokenAuthenticationPolicy" });
  client.pipeline.addPolicy({
    name: "vigilPlainHttpBearer",
    sendRequest: (request, next) => {
      request.headers.set("Authorization", `Bearer ${token}`);
      return next(request);
    },
  });
  console.error("monitor-ingestion: plain http endpoint; bearer policy replaced for this run");
}

try {
  await client.upload(ruleId, stream, JSON.parse(records), { maxConcurrency: 1 });
  console.log("uploaded");
} catch (error) {
  if (isAggregateLogsUploadError(error)) {
    for (const failure of error.errors) {
      console.error(`upload failed: ${failure.cause?.message ?? failure.cause}`);
    }
  } else {
    console.error(`upload failed: ${error?.message ?? error}`);
  }
  process.exit(1);
}
