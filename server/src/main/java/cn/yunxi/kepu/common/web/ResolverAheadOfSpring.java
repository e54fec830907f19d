package cn.yunxi.kepu.common.web;

import java.util.List;

import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Argument resolvers that take the common, fully determined case of an argument off Spring's hands and give every
 * other request to the Spring resolver they stand in for. Spring asks its resolvers in turn and the first that
 * supports a parameter claims it, so these must come before all of Spring's ({@link ResolversAheadOfSpring} puts
 * them there). Each such bean must claim parameters no other one does, so their order among themselves is free.
 */
public interface ResolverAheadOfSpring {

    /**
     * The resolvers to put first, made with what the adapter holds (Spring's resolver to hand over to, its message
     * converters); none when what they rely on is missing.
     */
    List<HandlerMethodArgumentResolver> resolvers(RequestMappingHandlerAdapter adapter);
}
