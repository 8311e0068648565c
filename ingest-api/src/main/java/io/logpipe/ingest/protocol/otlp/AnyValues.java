package io.logpipe.ingest.protocol.otlp;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;

/**
 * OTLP's {@code AnyValue} as the plain values the rest of the pipeline carries: strings,
 * booleans, longs, doubles, lists and maps; bytes as base64, as OTLP's JSON writes them.
 */
final class AnyValues {

	private AnyValues() {
	}

	static Object of(AnyValue value) {
		return switch (value.getValueCase()) {
			case STRING_VALUE -> value.getStringValue();
			case BOOL_VALUE -> value.getBoolValue();
			case INT_VALUE -> value.getIntValue();
			case DOUBLE_VALUE -> value.getDoubleValue();
			case BYTES_VALUE -> Base64.getEncoder().encodeToString(value.getBytesValue().toByteArray());
			case ARRAY_VALUE -> {
				List<Object> list = new ArrayList<>(value.getArrayValue().getValuesCount());
				for (AnyValue element : value.getArrayValue().getValuesList()) {
					list.add(of(element));
				}
				yield list;
			}
			case KVLIST_VALUE -> map(value.getKvlistValue().getValuesList());
			// A string-table index only means something in OTLP profiles, not in logs.
			case STRING_VALUE_STRINDEX, VALUE_NOT_SET -> null;
		};
	}

	static Map<String, Object> map(List<KeyValue> keyValues) {
		Map<String, Object> map = new LinkedHashMap<>(keyValues.size() * 2);
		for (KeyValue keyValue : keyValues) {
			map.put(keyValue.getKey(), of(keyValue.getValue()));
		}
		return map;
	}

}
