package io.logpipe.parser.parse.level;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LevelNormalizerTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "warn,WARN", "warning,WARN", "W,WARN", "4,WARN", "WARNING,WARN", "Information,INFO", "i,INFO",
			"notice,INFO", "err,ERROR", "error,ERROR", "SEVERE,ERROR", "fatal,FATAL", "crit,FATAL", "emerg,FATAL",
			"alert,FATAL", "debug,DEBUG", "fine,DEBUG", "trace,TRACE", "finest,TRACE", "' info ',INFO" })
	void normalizesTheWordsLoggersWrite(String written, String expected) {
		assertThat(LevelNormalizer.normalize(written)).contains(expected);
	}

	@ParameterizedTest(name = "syslog severity {0} -> {1}")
	@CsvSource({ "0,FATAL", "1,FATAL", "2,FATAL", "3,ERROR", "4,WARN", "5,INFO", "6,INFO", "7,DEBUG" })
	void normalizesSyslogSeverities(int severity, String expected) {
		assertThat(LevelNormalizer.normalize(severity)).contains(expected);
		assertThat(LevelNormalizer.normalize(Integer.toString(severity))).contains(expected);
	}

	@ParameterizedTest(name = "bunyan/pino {0} -> {1}")
	@CsvSource({ "10,TRACE", "20,DEBUG", "30,INFO", "40,WARN", "50,ERROR", "60,FATAL" })
	void normalizesBunyanAndPinoNumbers(int level, String expected) {
		assertThat(LevelNormalizer.normalize(level)).contains(expected);
	}

	@Test
	void keepsAnUnknownWordUpperCased() {
		assertThat(LevelNormalizer.normalize("audit")).contains("AUDIT");
	}

	@Test
	void hasNoLevelForNothingOrNonsenseNumbers() {
		assertThat(LevelNormalizer.normalize(null)).isEmpty();
		assertThat(LevelNormalizer.normalize(" ")).isEmpty();
		assertThat(LevelNormalizer.normalize(99)).isEmpty();
	}

}
