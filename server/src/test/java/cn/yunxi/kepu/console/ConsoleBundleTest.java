package cn.yunxi.kepu.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The built console (target/classes/static/admin, made by the Maven build from src/main/console) loads everything
 * from the jar: government intranets reach no CDN. The browser tests prove it at run time through the content
 * security policy; this checks the files themselves.
 */
class ConsoleBundleTest {

    static final Path BUILT = Path.of("target", "classes", "static", "admin");

    @Test
    void indexHtmlReferencesOnlyFilesOfTheJar() throws IOException {
        Path index = BUILT.resolve("index.html");
        assertThat(index).as("the console is not built: run the Maven build without -Dconsole.skip=true").exists();
        Document html = Jsoup.parse(Files.readString(index, StandardCharsets.UTF_8));

        List<String> references = html.select("[src], [href]").stream()
                .map(e -> e.hasAttr("src") ? e.attr("src") : e.attr("href")).toList();
        assertThat(references).isNotEmpty().allMatch(ref -> ref.startsWith("/admin/"), "a path under /admin/");
        assertThat(html.select("script:not([src])")).as("no inline script (the policy allows none)").isEmpty();
        for (String ref : references) {
            assertThat(BUILT.resolve(ref.substring("/admin/".length()))).as(ref).exists();
        }
        assertThat(html.select("script[type=module]")).hasSize(1);
    }

    @Test
    void stylesheetsLoadNoFontOrImageFromOutside() throws IOException {
        Pattern url = Pattern.compile("url\\(\\s*['\"]?(https?:|//)", Pattern.CASE_INSENSITIVE);
        Pattern imports = Pattern.compile("@import\\s+(url\\()?\\s*['\"]?(https?:|//)", Pattern.CASE_INSENSITIVE);
        try (Stream<Path> files = Files.walk(BUILT)) {
            List<Path> css = files.filter(p -> p.toString().endsWith(".css")).toList();
            assertThat(css).isNotEmpty();
            for (Path file : css) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                Matcher external = url.matcher(text);
                assertThat(external.find()).as(file + " loads a url() from outside").isFalse();
                assertThat(imports.matcher(text).find()).as(file + " imports from outside").isFalse();
            }
        }
    }

    @Test
    void pathsWithoutAFileExtensionOutsideAssetsAreTheAppsOwnRoutes() {
        assertThat(ConsoleWebConfig.ClientRouteFallback.isClientRoute("contents/12")).isTrue();
        assertThat(ConsoleWebConfig.ClientRouteFallback.isClientRoute("quiz/quizzes/3/live")).isTrue();
        assertThat(ConsoleWebConfig.ClientRouteFallback.isClientRoute("")).isTrue();
        assertThat(ConsoleWebConfig.ClientRouteFallback.isClientRoute("assets/index-abc.js")).isFalse();
        assertThat(ConsoleWebConfig.ClientRouteFallback.isClientRoute("assets/missing")).isFalse();
        assertThat(ConsoleWebConfig.ClientRouteFallback.isClientRoute("favicon.ico")).isFalse();
    }
}
