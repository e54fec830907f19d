package cn.yunxi.kepu.common.web;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;

/**
 * The API reads and writes JSON (and plain text, bytes, files and forms), and the OpenAPI document promises nothing
 * else. Spring registers a message converter for every other format whose library happens to be on the class path:
 * XML through JAXB (which the Aliyun SDK brings) and YAML through Jackson 2 (which springdoc brings). Spring asks every
 * converter, for every body it writes or reads, whether it can handle the type; JAXB answers by looking for its
 * annotations on the class, about 2% of a ping. Those converters are left out: a client asking for XML already got 406
 * (no type here is an XML root element), and one asking for YAML now gets 406 instead of an undocumented format.
 */
@Configuration(proxyBeanMethods = false)
class JsonMessageConverters {

    @Bean
    ServerHttpMessageConvertersCustomizer onlyDocumentedFormats() {
        return builder -> builder.configureMessageConvertersList(
                converters -> converters.removeIf(converter -> !servesDocumentedFormat(converter)));
    }

    /** Whether the converter handles any type (text, bytes, files), JSON, or form and multipart bodies. */
    static boolean servesDocumentedFormat(HttpMessageConverter<?> converter) {
        return converter.getSupportedMediaTypes().stream().anyMatch(type -> type.equals(MediaType.ALL)
                || MediaType.APPLICATION_JSON.isCompatibleWith(type)
                || MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(type)
                || "multipart".equals(type.getType()));
    }
}
