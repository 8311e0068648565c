package io.logpipe.indexer.search;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import io.logpipe.service.auth.ApiKeyRegistry;

/**
 * Gives a handler the {@link Tenant} of the request's {@code Authorization: Bearer <key>}
 * (the keys ingest-api accepts, {@code logpipe.auth.keys}), or fails it with 401 before
 * anything is read.
 */
class TenantResolver implements HandlerMethodArgumentResolver {

	private static final String BEARER = "Bearer ";

	private final ApiKeyRegistry keys;

	TenantResolver(ApiKeyRegistry keys) {
		this.keys = keys;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Tenant.class;
	}

	@Override
	public Tenant resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		String authorization = webRequest.getHeader(HttpHeaders.AUTHORIZATION);
		boolean bearer = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
		String key = bearer ? authorization.substring(BEARER.length()).strip() : "";
		return this.keys.authenticate(key)
			.map((found) -> new Tenant(found.tenant()))
			.orElseThrow(() -> new SearchException(SearchProblem.UNAUTHENTICATED,
					"a valid API key is required: Authorization: Bearer <key>"));
	}

}
