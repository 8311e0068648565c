package io.logpipe.common.event;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The kind of log a record is; each category has its own raw topic so that security logs
 * can be retained, secured and scaled apart from application noise.
 */
public enum Category {

	APP, SYSTEM, SECURITY;

	@JsonValue
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	@JsonCreator
	static Category fromWireName(String name) {
		return parse(name).orElseThrow(() -> new IllegalArgumentException("unknown category '" + name + "'"));
	}

	/**
	 * Reads a category as clients write it: {@code app}, {@code system} or
	 * {@code security}, in any case.
	 */
	public static Optional<Category> parse(String name) {
		if (name == null) {
			return Optional.empty();
		}
		for (Category category : values()) {
			if (category.wireName().equalsIgnoreCase(name.strip())) {
				return Optional.of(category);
			}
		}
		return Optional.empty();
	}

}
