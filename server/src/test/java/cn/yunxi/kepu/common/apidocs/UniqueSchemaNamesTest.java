package cn.yunxi.kepu.common.apidocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;

/**
 * Two records of the same simple name in different features must not share one schema: the second one to reach
 * the document stops it, naming both types.
 */
class UniqueSchemaNamesTest {

    static final class Comments {
        record Review(Boolean approve, String reason) {
        }
    }

    static final class Officers {
        record Review(String note) {
        }
    }

    @Test
    void theSecondTypeClaimingANameStopsTheDocument() {
        UniqueSchemaNames names = new UniqueSchemaNames();
        names.claim("Review", Json.mapper().constructType(Comments.Review.class));

        assertThatThrownBy(() -> names.claim("Review", Json.mapper().constructType(Officers.Review.class)))
                .hasMessageContaining("'Review'").hasMessageContaining("Comments$Review")
                .hasMessageContaining("Officers$Review");
        // springdoc may swallow the converter's exception: the finished document is refused as well.
        assertThatThrownBy(() -> names.customise(new OpenAPI())).hasMessageContaining("'Review'");
    }

    @Test
    void theSameTypeMayBeSeenAgainAndIsRememberedByName() {
        UniqueSchemaNames names = new UniqueSchemaNames();
        names.claim("Review", Json.mapper().constructType(Comments.Review.class));
        names.claim("Review", Json.mapper().constructType(Comments.Review.class));

        names.customise(new OpenAPI());
        assertThat(names.typeOf("Review").orElseThrow().getRawClass()).isEqualTo(Comments.Review.class);
    }

    /** Resolution through swagger's converter chain claims the names of our types as it meets them. */
    @Test
    void resolvingTwoClashingRecordsFails() {
        UniqueSchemaNames names = new UniqueSchemaNames();
        ModelConverters converters = new ModelConverters(true);
        converters.addConverter(names);

        converters.readAllAsResolvedSchema(new AnnotatedType(Comments.Review.class));
        assertThatThrownBy(() -> {
            converters.readAllAsResolvedSchema(new AnnotatedType(Officers.Review.class));
            names.customise(new OpenAPI());
        }).hasMessageContaining("'Review'");
    }
}
