package cn.yunxi.kepu.common.apidocs;

import java.util.List;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;

import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.security.PublicEndpoints;
import cn.yunxi.kepu.common.web.FieldError;
import io.swagger.v3.core.util.Json;

/**
 * The OpenAPI document is a contract clients are generated from (the console's types, the mini-program's API
 * modules, a city platform): schema names are unique ({@link UniqueSchemaNames}), every operation documents the
 * problems it can answer with ({@link ProblemResponses}) and response records say which fields are always there
 * and which may be null ({@link ResponseSchemas}). The tests check real responses against it.
 *
 * <p>Query objects are flattened into their parameters ({@code springdoc.default-flat-param-object}); the caller
 * taken from the token ({@code @AuthenticationPrincipal CurrentUser}) is no request parameter and must not be
 * flattened into {@code type}, {@code id}, {@code roles}... of every endpoint.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfig {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
    }

    @Bean
    UniqueSchemaNames uniqueSchemaNames() {
        UniqueSchemaNames names = UniqueSchemaNames.SHARED;
        // Written by hand in ProblemResponses: no type of ours may take these names.
        names.claim(ProblemResponses.PROBLEM, Json.mapper().constructType(ProblemDetail.class));
        names.claim(ProblemResponses.FIELD_ERROR, Json.mapper().constructType(FieldError.class));
        return names;
    }

    @Bean
    ProblemResponses problemResponses(List<PublicEndpoints> publicEndpoints) {
        List<String> open = publicEndpoints.stream().flatMap(p -> p.patterns().stream()).toList();
        return new ProblemResponses(ThrownErrors.scan(ApiDocsConfig.class.getClassLoader()), open);
    }

    @Bean
    ResponseSchemas responseSchemas(UniqueSchemaNames names) {
        return new ResponseSchemas(names);
    }
}
