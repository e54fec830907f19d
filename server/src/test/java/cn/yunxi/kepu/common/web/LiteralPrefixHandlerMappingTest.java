package cn.yunxi.kepu.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPatternParser;

class LiteralPrefixHandlerMappingTest {

    @Test
    void aPatternsLiteralPrefixEndsAtItsFirstVariableOrWildcard() {
        assertThat(LiteralPrefixHandlerMapping.literalPrefix("/api/v1/attempts/{id}/submit")).isEqualTo("/api/v1/attempts/");
        assertThat(LiteralPrefixHandlerMapping.literalPrefix("/api/v1/files/x{name}.jpg")).isEqualTo("/api/v1/files/x");
        assertThat(LiteralPrefixHandlerMapping.literalPrefix("/swagger-ui/**")).isEqualTo("/swagger-ui/");
        assertThat(LiteralPrefixHandlerMapping.literalPrefix("/api/v1/a?c")).isEqualTo("/api/v1/a");
        assertThat(LiteralPrefixHandlerMapping.literalPrefix("/api/v1/ping")).isEqualTo("/api/v1/ping");
        assertThat(LiteralPrefixHandlerMapping.literalPrefix("")).isEmpty();
    }

    @Test
    void everyPatternOfAMappingGivesAPrefix() {
        RequestMappingInfo.BuilderConfiguration config = new RequestMappingInfo.BuilderConfiguration();
        config.setPatternParser(new PathPatternParser());
        RequestMappingInfo info = RequestMappingInfo.paths("/api/v1/quizzes/{id}", "/api/v1/contests/{id}")
                .options(config).build();

        assertThat(LiteralPrefixHandlerMapping.literalPrefixes(info))
                .containsExactlyInAnyOrder("/api/v1/quizzes/", "/api/v1/contests/");
    }
}
