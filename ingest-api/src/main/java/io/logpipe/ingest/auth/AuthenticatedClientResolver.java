package io.logpipe.ingest.auth;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import io.logpipe.ingest.problem.ProblemType;
import io.logpipe.service.problem.UnauthenticatedException;

/**
 * Gives a handler the {@link AuthenticatedClient} of the request, or fails it with
 * {@link UnauthenticatedException} before the body is read.
 */
class AuthenticatedClientResolver implements HandlerMethodArgumentResolver {

	private final ApiKeyAuthenticator authenticator;

	AuthenticatedClientResolver(ApiKeyAuthenticator authenticator) {
		this.authenticator = authenticator;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == AuthenticatedClient.class;
	}

	@Override
	public AuthenticatedClient resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		return this.authenticator.authenticate(webRequest.getHeader(HttpHeaders.AUTHORIZATION))
			.orElseThrow(() -> new UnauthenticatedException(ProblemType.UNAUTHENTICATED,
					"a valid API key is required: Authorization: Bearer <key>"));
	}

}
