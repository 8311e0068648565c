package io.logpipe.ingest.auth;

import java.util.List;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives a handler the {@link AuthenticatedClient} of the request, or fails it with
 * {@link CredentialsRejectedException} before the body is read. The parameter's
 * {@link Credentials} (or its controller's) names the schemes its endpoint accepts
 * (Bearer without it).
 */
class AuthenticatedClientResolver implements HandlerMethodArgumentResolver {

	private static final List<CredentialScheme> BEARER_ONLY = List.of(CredentialScheme.BEARER);

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
		Credentials credentials = parameter.hasParameterAnnotation(Credentials.class)
				? parameter.getParameterAnnotation(Credentials.class)
				: parameter.getContainingClass().getAnnotation(Credentials.class);
		List<CredentialScheme> accepted = (credentials != null) ? List.of(credentials.value()) : BEARER_ONLY;
		return this.authenticator.authenticate(webRequest.getHeader(HttpHeaders.AUTHORIZATION), accepted);
	}

}
