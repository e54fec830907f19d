package cn.yunxi.kepu.common.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.common.web.CommonErrors;
import cn.yunxi.kepu.common.web.ErrorCode;

class ThrownErrorsTest {

    enum SampleErrors implements ErrorCode {
        DIRECT(HttpStatus.CONFLICT), VIA_INTERFACE(HttpStatus.NOT_FOUND), IN_LAMBDA(HttpStatus.GONE),
        READY_MADE(HttpStatus.TOO_MANY_REQUESTS), NEVER_USED(HttpStatus.BAD_REQUEST);

        private final HttpStatus status;

        SampleErrors(HttpStatus status) {
            this.status = status;
        }

        @Override
        public HttpStatus status() {
            return status;
        }

        @Override
        public String message() {
            return "示例";
        }
    }

    interface Port {
        void call();
    }

    static class PortImpl implements Port {
        @Override
        public void call() {
            throw new ApiException(SampleErrors.VIA_INTERFACE);
        }
    }

    static class FormProblem extends RuntimeException {
    }

    @RestControllerAdvice
    static class Advice {
        @ExceptionHandler(FormProblem.class)
        Object handle(FormProblem ex) {
            return CommonErrors.VALIDATION_FAILED;
        }
    }

    static final class Refusals {
        /** Kept ready, as hot paths do: the code is read in the static initialiser. */
        static final ApiException LIMITED = new ApiException(SampleErrors.READY_MADE);
    }

    static class Service {
        private final Port port = new PortImpl();

        void work(int n) {
            if (n == 1) {
                throw new ApiException(SampleErrors.DIRECT);
            }
            if (n == 2) {
                port.call();
            }
            if (n == 3) {
                Supplier<ApiException> later = () -> new ApiException(SampleErrors.IN_LAMBDA);
                throw later.get();
            }
            if (n == 4) {
                throw Refusals.LIMITED;
            }
            if (n == 5) {
                throw new FormProblem();
            }
        }

        void quiet() {
            // throws nothing of ours
        }

        org.springframework.http.ResponseEntity<String> cached(boolean same) {
            return same ? org.springframework.http.ResponseEntity.status(HttpStatus.NOT_MODIFIED).build()
                    : org.springframework.http.ResponseEntity.ok("body");
        }
    }

    static class Controller {
        private final Service service = new Service();

        void handle(int n) {
            service.work(n);
        }

        void other() {
            service.quiet();
        }
    }

    private final ThrownErrors world = ThrownErrors.of(SampleErrors.class, Port.class, PortImpl.class,
            FormProblem.class, Advice.class, Service.class, Controller.class, CommonErrors.class,
            Refusals.class);

    @Test
    void findsCodesThrownDirectlyThroughInterfacesLambdasReadyMadeExceptionsAndHandlers() throws Exception {
        Method handle = Controller.class.getDeclaredMethod("handle", int.class);

        assertThat(world.of(handle).codes()).containsExactlyInAnyOrder(SampleErrors.DIRECT,
                SampleErrors.VIA_INTERFACE, SampleErrors.IN_LAMBDA, SampleErrors.READY_MADE,
                CommonErrors.VALIDATION_FAILED);
    }

    @Test
    void aMethodThatReachesNoCodeDocumentsNone() throws Exception {
        Method other = Controller.class.getDeclaredMethod("other");

        assertThat(world.of(other).codes()).isEmpty();
        assertThat(world.of(other).writes()).isFalse();
    }

    @Test
    void aMethodThatAnswersNotModifiedIsNoticed() throws Exception {
        Method cached = Service.class.getDeclaredMethod("cached", boolean.class);

        assertThat(world.of(cached).notModified()).isTrue();
        assertThat(world.of(Controller.class.getDeclaredMethod("other")).notModified()).isFalse();
    }

    @Test
    void theRealSignupEndpointCanAnswerEveryRefusalOfTheSeatAllocator() throws Exception {
        ThrownErrors application = ThrownErrors.scan(getClass().getClassLoader());
        Class<?> controller = Class.forName("cn.yunxi.kepu.event.EventController");
        Method signup = java.util.Arrays.stream(controller.getDeclaredMethods())
                .filter(m -> m.getName().equals("signup")).findFirst().orElseThrow();

        ThrownErrors.Found found = application.of(signup);

        assertThat(found.codes()).extracting(ErrorCode::name)
                .contains("EVENT_FULL", "SIGNUP_CLOSED", "ALREADY_SIGNED_UP");
        assertThat(found.writes()).isTrue();
    }
}
