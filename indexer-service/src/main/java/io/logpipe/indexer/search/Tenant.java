package io.logpipe.indexer.search;

/**
 * The tenant whose data a request reads, as its API key says; a handler parameter of this
 * type is resolved by {@link TenantResolver}, never from the request's parameters.
 *
 * @param id the tenant ({@code organization.id})
 */
public record Tenant(String id) {

}
