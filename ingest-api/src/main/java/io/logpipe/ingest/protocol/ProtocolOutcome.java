package io.logpipe.ingest.protocol;

import java.util.List;

import io.logpipe.ingest.event.Rejection;

/**
 * What became of each item of a protocol request, in request order, after Kafka
 * acknowledged every accepted one.
 *
 * @param items one result per item
 */
public record ProtocolOutcome(List<Item> items) {

	public long accepted() {
		return this.items.stream().filter(Item::accepted).count();
	}

	/**
	 * @param index the item's position in the request, from 0
	 * @param id the id of the accepted event, {@code null} when it was rejected
	 * @param rejection why it was rejected, {@code null} when it was accepted
	 */
	public record Item(int index, String id, Rejection rejection) {

		public boolean accepted() {
			return this.rejection == null;
		}

	}

}
