package com.zywa.cardstatus.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zywa.cardstatus.contract.Phone;
import com.zywa.cardstatus.formats.Column;
import com.zywa.cardstatus.formats.PartnerProfile;
import com.zywa.cardstatus.formats.TimestampParser.DateOrder;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartnersTests {

    private final Partners partners = new Partners(new IngestSettings(
            ZoneId.of("Asia/Dubai"),
            "AE",
            DateOrder.DAY_FIRST,
            "default",
            Duration.ofMinutes(5),
            "test",
            Map.of(
                    "fastcourier",
                    new IngestSettings.Partner(
                            ZoneId.of("Europe/London"),
                            "GB",
                            DateOrder.MONTH_FIRST,
                            Map.of(Column.CARD_ID, List.of("Parcel Card")),
                            "https://fastcourier.example/events",
                            Duration.ofMinutes(30)))));

    @Test
    void theDefaultPartnerUsesTheTopLevelSettings() {
        PartnerProfile profile = partners.profile(null);

        assertThat(profile.name()).isEqualTo("default");
        assertThat(profile.timestamps().zone()).isEqualTo(ZoneId.of("Asia/Dubai"));
        assertThat(profile.phones().normalize("0501234567")).isEqualTo(new Phone.Valid("+971501234567"));
    }

    @Test
    void aConfiguredPartnerOverridesZoneDateOrderRegionAndHeaders() {
        PartnerProfile profile = partners.profile(" fastcourier ");

        assertThat(profile.rowMapper()).isNotNull();
        assertThat(profile.phones().normalize("07700 900123")).isEqualTo(new Phone.Valid("+447700900123"));
        assertThat(profile.headerSynonyms()).containsEntry(Column.CARD_ID, List.of("Parcel Card"));
        assertThat(profile.timestamps().parse("11-12-2023 10:00")).isEqualTo(Instant.parse("2023-11-12T10:00:00Z"));
    }

    @Test
    void aPartnersOwnFutureSkewOverridesTheDefault() {
        assertThat(partners.profile(null).maxFutureSkew()).isEqualTo(Duration.ofMinutes(5));
        assertThat(partners.profile("fastcourier").maxFutureSkew()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void anUploadsTimezoneOverridesThePartnersZone() {
        assertThat(partners.profile("fastcourier")
                        .inZone(ZoneId.of("UTC"))
                        .timestamps()
                        .zone())
                .isEqualTo(ZoneId.of("UTC"));
        assertThat(partners.profile("fastcourier").inZone(null).timestamps().zone())
                .isEqualTo(ZoneId.of("Europe/London"));
    }

    @Test
    void findsThePartnerOfACloudEventsSourceConfiguredOrByDefaultSlashPartnersSlashName() {
        assertThat(partners.partnerOfSource("/partners/default")).contains("default");
        assertThat(partners.partnerOfSource("https://fastcourier.example/events"))
                .contains("fastcourier");
        assertThat(partners.partnerOfSource("/partners/fastcourier")).isEmpty();
        assertThat(partners.partnerOfSource("/partners/acme")).isEmpty();
        assertThat(partners.partnerOfSource(null)).isEmpty();
    }

    @Test
    void refusesAPartnerNoConfigurationDescribes() {
        assertThatThrownBy(() -> partners.profile("acme"))
                .isInstanceOf(Partners.UnknownPartnerException.class)
                .hasMessage("partner 'acme' is not configured; known partners: [default, fastcourier]");
    }
}
