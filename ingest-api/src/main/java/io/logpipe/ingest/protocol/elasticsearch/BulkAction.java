package io.logpipe.ingest.protocol.elasticsearch;

import io.logpipe.ingest.protocol.ProtocolItem;

/**
 * One action of a bulk request as the answer must name it.
 *
 * @param action {@code index}, {@code create}, {@code update} or {@code delete}
 * @param index the action's {@code _index}, or the path's
 * @param id the client's {@code _id}, or {@code null}
 * @param item what ingest makes of it
 */
record BulkAction(String action, String index, String id, ProtocolItem item) {
}
