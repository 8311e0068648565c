package io.logpipe.parser.rules;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The per-tenant rules, {@code parser.rules[n]}, applied in order after parsing and
 * before redaction.
 *
 * @param rules the rules
 */
@Validated
@ConfigurationProperties("parser")
public record RulesProperties(@DefaultValue List<@Valid Rule> rules) {
}
