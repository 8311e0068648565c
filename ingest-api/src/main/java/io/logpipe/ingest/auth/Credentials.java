package io.logpipe.ingest.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The credential schemes a handler's {@link AuthenticatedClient} parameter accepts, on
 * the parameter or on its controller class (for every handler of a protocol); without it,
 * {@link CredentialScheme#BEARER} only.
 */
@Target({ ElementType.PARAMETER, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Credentials {

	CredentialScheme[] value();

}
