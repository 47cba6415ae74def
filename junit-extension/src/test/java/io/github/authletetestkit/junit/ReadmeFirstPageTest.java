package io.github.authletetestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * README's first page takes a new user from clone to a passing test in their own project: the first command starts
 * the jar with the JDK the build used, the install step and the coordinates are the build's, and the first test is
 * the one that runs here ({@code examples/FirstTest}).
 */
class ReadmeFirstPageTest {

    private static final Path README = Path.of("..", "README.md");

    private static String readme() throws IOException {
        return Files.readString(README, StandardCharsets.UTF_8);
    }

    /** The code blocks of one section, in order. */
    private static List<String> blocks(String section, String language) throws IOException {
        String text = readme();
        int start = text.indexOf("\n## " + section + "\n");
        assertThat(start).as("section '%s'", section).isNotNegative();
        int end = text.indexOf("\n## ", start + 4);
        Matcher m = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(text.substring(start, end < 0 ? text.length() : end));
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    private static String bash(String script, String javaHome) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true);
        builder.environment().remove("JAVA_HOME");
        if (javaHome != null) {
            builder.environment().put("JAVA_HOME", javaHome);
        }
        Process process = builder.start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    @Test
    void theFirstCommandStartsTheJarWithTheJdkTheBuildUsed() throws Exception {
        String command = blocks("The two commands", "bash").getFirst().strip();
        Matcher java = Pattern.compile("&& (.+?) -jar mock-server/target/authlete-mock-server\\.jar").matcher(command);
        assertThat(java.find()).as(command).isTrue();

        assertThat(bash("echo " + java.group(1), "/opt/jdk-25")).isEqualTo("/opt/jdk-25/bin/java");
        assertThat(bash("echo " + java.group(1), null)).as("without JAVA_HOME, java on the PATH").isEqualTo("java");
    }

    @Test
    void theInstallStepAndTheCoordinatesAreTheBuilds() throws Exception {
        String version = System.getProperty("testkit.version");
        List<String> shell = blocks("Use it in your own project", "bash");
        String maven = blocks("Use it in your own project", "xml").getFirst();
        String gradle = blocks("Use it in your own project", "kotlin").getFirst();

        assertThat(shell).singleElement().asString().contains("./mvnw", "install");
        assertThat(maven).contains("<groupId>io.github.authletetestkit</groupId>", "<artifactId>authlete-testkit-junit</artifactId>",
                "<version>" + version + "</version>");
        assertThat(gradle).contains("mavenLocal()", "io.github.authletetestkit:authlete-testkit-junit:" + version, "useJUnitPlatform()");
    }

    @Test
    void theFirstTestIsTheOneThatRunsHere() throws Exception {
        String shown = blocks("Use it in your own project", "java").getFirst();
        String runs = Files.readString(Path.of("src/test/java/io/github/authletetestkit/junit/examples/FirstTest.java"));

        assertThat(runs.substring(runs.indexOf("import "))).isEqualTo(shown);
    }
}
