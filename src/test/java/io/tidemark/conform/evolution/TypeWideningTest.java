package io.tidemark.conform.evolution;

import static io.tidemark.sources.NewFieldKind.BIGINT;
import static io.tidemark.sources.NewFieldKind.BOOLEAN;
import static io.tidemark.sources.NewFieldKind.DOUBLE;
import static io.tidemark.sources.NewFieldKind.STRING;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.sources.NewFieldKind;
import io.tidemark.sources.NewFields;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypeWideningTest {

    @Test
    void aBatchOfOneKindKeepsItsType() {
        assertThat(TypeWidening.commonType(List.of(BIGINT))).contains("bigint");
        assertThat(TypeWidening.commonType(List.of(DOUBLE))).contains("double");
        assertThat(TypeWidening.commonType(List.of(BOOLEAN))).contains("boolean");
        assertThat(TypeWidening.commonType(List.of(STRING))).contains("string");
        assertThat(TypeWidening.commonType(List.of())).isEmpty();
    }

    @Test
    void integralAndFractionalNumbersWidenToDouble() {
        assertThat(TypeWidening.commonType(List.of(BIGINT, DOUBLE, BIGINT))).contains("double");
    }

    @Test
    void nothingWidensToStringOrAcrossBooleansAndNumbers() {
        assertThat(TypeWidening.commonType(List.of(BIGINT, STRING))).isEmpty();
        assertThat(TypeWidening.commonType(List.of(DOUBLE, STRING))).isEmpty();
        assertThat(TypeWidening.commonType(List.of(BOOLEAN, BIGINT))).isEmpty();
        assertThat(TypeWidening.commonType(List.of(BOOLEAN, STRING))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "BIGINT, bigint, true", "BIGINT, double, true", "DOUBLE, double, true", "DOUBLE, bigint, false",
            "STRING, string, true", "BIGINT, string, false", "BOOLEAN, string, false", "STRING, bigint, false",
            "BOOLEAN, boolean, true", "BIGINT, boolean, false"})
    void aValueFitsItsOwnTypeAndIntegersFitDouble(NewFieldKind kind, String stored, boolean fits) {
        assertThat(TypeWidening.fits(kind, stored)).isEqualTo(fits);
    }

    @Test
    void kindsFittingAStoredType() {
        assertThat(TypeWidening.kindsFitting("double")).containsExactlyInAnyOrder(BIGINT, DOUBLE);
        assertThat(TypeWidening.kindsFitting("string")).containsExactly(STRING);
    }

    @ParameterizedTest
    @CsvSource({"bigint, bigint, true", "int, bigint, false", "bigint, double, false", "bigint, string, false",
            "string, bigint, false", "timestamp, string, false"})
    void aStoredColumnNeverChangesType(String stored, String declared, boolean allowed) {
        assertThat(TypeWidening.canChangeStoredType(stored, declared)).isEqualTo(allowed);
    }

    @Test
    void newFieldsAreTheUnknownTopLevelScalarsTaggedWithTheirKind() throws Exception {
        var record = new ObjectMapper().readTree("{\"article_id\":1,\"score\":3,\"ratio\":0.5,\"big\":10000000000000000000,"
                + "\"flag\":true,\"ref\":\"news\",\"gone\":null,\"nested\":{\"a\":1},\"list\":[1]}");
        assertThat(NewFields.of(record, Set.of("article_id"))).containsExactly(
                java.util.Map.entry("big", "d1.0E19"),
                java.util.Map.entry("flag", "btrue"),
                java.util.Map.entry("ratio", "d0.5"),
                java.util.Map.entry("ref", "snews"),
                java.util.Map.entry("score", "l3"));
        assertThat(NewFields.of(new ObjectMapper().readTree("{\"article_id\":1}"), Set.of("article_id"))).isNull();
    }

    @ParameterizedTest
    @CsvSource({"pageUrl, pageurl", "Page-URL, page_url", "_ga, ga", "1st_visit, f_1st_visit", "plain, plain"})
    void newFieldNamesBecomeLowerCaseIdentifiers(String field, String column) {
        assertThat(NewColumnName.of(field)).contains(column);
    }

    @Test
    void aFieldNameWithNothingUsableGivesNoColumn() {
        assertThat(NewColumnName.of("___")).isEmpty();
    }
}
