package io.logpipe.deploy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image build (deploy/docker/Dockerfile) cannot run without a Docker engine; what can
 * be checked offline is checked here.
 */
class DockerImageTest {

	private static final String dockerfile = ProjectFiles.read("deploy/docker/Dockerfile");

	/** The numeric uid the image runs as ({@code USER uid:gid}). */
	static int imageUid() {
		Matcher user = Pattern.compile("(?m)^USER (\\d+):(\\d+)$").matcher(dockerfile);
		assertThat(user.find()).as("the Dockerfile ends with USER <uid>:<gid>").isTrue();
		return Integer.parseInt(user.group(1));
	}

	@Test
	void baseImagesArePinnedJavaRuntimesOf21OrNewer() {
		Matcher images = Pattern.compile("(?m)^ARG (JDK|JRE)_IMAGE=(\\S+)$").matcher(dockerfile);
		int found = 0;
		while (images.find()) {
			found++;
			assertThat(images.group(2)).matches("eclipse-temurin:(2[1-9]|[3-9]\\d)\\.\\d+\\.\\d+_\\d+-(jdk|jre)-\\w+");
		}

		assertThat(found).isEqualTo(2);
		assertThat(dockerfile).doesNotContain(":latest");
	}

	@Test
	void runsAsANonRootUserFromSpringBootLayers() {
		assertThat(imageUid()).isGreaterThanOrEqualTo(10000);
		assertThat(dockerfile).contains("java -Djarmode=tools -jar").contains("extract --layers");
		List<String> layers = Pattern.compile("(?m)^COPY --from=build /layers/([a-z-]+)/ \\./$")
			.matcher(dockerfile)
			.results()
			.map((match) -> match.group(1))
			.toList();
		// least to most often changed, so a code change rebuilds only the last layers
		assertThat(layers).containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies",
				"application");
		assertThat(dockerfile).containsPattern("(?m)^ENTRYPOINT \\[\"java\", \"@/opt/logpipe/jvm.options\"");
	}

	@Test
	void theJvmOptionsAreTheServicesOptionsWithTheHeapFollowingTheContainerLimit() {
		String serviceOptions = ProjectFiles.read("deploy/jvm/service.options");
		String containerOptions = ProjectFiles.read("deploy/docker/container.options");

		assertThat(dockerfile).contains("grep -v -E '^-Xm[sx]' deploy/jvm/service.options")
			.contains("cat deploy/jvm/service-jdk25.options deploy/docker/container.options");
		assertThat(serviceOptions).containsPattern("(?m)^-Xmx").contains("-XX:+ExitOnOutOfMemoryError");
		assertThat(containerOptions).containsPattern("(?m)^-XX:MaxRAMPercentage=\\d+")
			.doesNotContainPattern("(?m)^-Xm[sx]");
	}

}
