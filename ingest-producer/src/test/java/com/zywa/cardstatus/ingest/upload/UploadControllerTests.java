package com.zywa.cardstatus.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.formats.FileRefusedException;
import com.zywa.cardstatus.ingest.IngestAccess;
import com.zywa.cardstatus.ingest.Partners;
import com.zywa.cardstatus.ingest.upload.UploadReport.UploadState;
import com.zywa.cardstatus.support.security.TestCredentials;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * The upload endpoints as a web slice with their access rules, the service mocked: every answer and error body, and
 * who may upload and read reports, in milliseconds.
 */
@WebMvcTest(controllers = UploadController.class, properties = "spring.config.name=ingest-producer")
@Import(IngestAccess.class)
class UploadControllerTests {

    private static final UUID ID = UUID.fromString("3f1c2b8e-6a4d-4e2f-9b1a-0c5d7e8f9a01");

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private UploadService service;

    @DynamicPropertySource
    static void apiKeys(DynamicPropertyRegistry registry) {
        TestCredentials.properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @Test
    void recordsTheUploadersNameAndShowsItInTheReport() throws Exception {
        when(service.ingest(any(), any())).thenReturn(report());

        mvc.perform(multipart("/uploads").file(csv()).with(ops()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.uploaded_by").value("ops-test"));

        ArgumentCaptor<UploadService.Request> request = ArgumentCaptor.forClass(UploadService.Request.class);
        verify(service).ingest(request.capture(), any());
        assertThat(request.getValue().uploadedBy()).isEqualTo("ops-test");
    }

    @Test
    void answers403ToReadersAndPartnersAnd401WithoutAKnownKey() throws Exception {
        for (String key :
                List.of(TestCredentials.READER_KEY, TestCredentials.PARTNER_KEY, TestCredentials.METRICS_KEY)) {
            mvc.perform(multipart("/uploads").file(csv()).with(key(key)))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.error").value("forbidden"));
            mvc.perform(get("/uploads/" + ID).with(key(key))).andExpect(status().isForbidden());
            mvc.perform(get("/uploads").with(key(key))).andExpect(status().isForbidden());
        }
        mvc.perform(multipart("/uploads").file(csv()))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("unauthorized"));
        mvc.perform(get("/uploads").with(key(TestCredentials.UNKNOWN_KEY)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("unauthorized"));
        verify(service, never()).ingest(any(), any());
    }

    @Test
    void answers400ForAnUnknownPartner() throws Exception {
        when(service.ingest(any(), any())).thenThrow(Partners.UnknownPartnerException.class);

        mvc.perform(multipart("/uploads").file(csv()).with(ops()).param("partner", "nobody"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("unknown_partner"));
    }

    @Test
    void answers422WithTheUploadIdOfARefusedFile() throws Exception {
        when(service.ingest(any(), any()))
                .thenThrow(new UploadRefusedException(
                        ID, new FileRefusedException("unknown_kind", "file name 'cards.csv' does not name a kind")));

        mvc.perform(multipart("/uploads").file(csv()).with(ops()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error").value("unknown_kind"))
                .andExpect(jsonPath("$.upload_id").value(ID.toString()));
    }

    @Test
    void showsAReportWithItsUploadIdAsText() throws Exception {
        when(service.find(ID, 0, 100)).thenReturn(Optional.of(report()));

        mvc.perform(get("/uploads/" + ID).with(ops()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.upload_id").value(ID.toString()))
                .andExpect(jsonPath("$.state").value("COMPLETED"));
    }

    @Test
    void answers503WithTheUploadIdWhenTheEventsCouldNotBePublished() throws Exception {
        when(service.ingest(any(), any()))
                .thenThrow(new UploadFailedException(
                        ID, "IllegalStateException: broker down", new IllegalStateException("broker down")));

        mvc.perform(multipart("/uploads").file(csv()).with(ops()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.error").value("publish_failed"))
                .andExpect(jsonPath("$.upload_id").value(ID.toString()));
    }

    @Test
    void answers503DatabaseUnavailableWithTheUploadIdWhenTheDatabaseWentAwayMidUpload() throws Exception {
        when(service.ingest(any(), any()))
                .thenThrow(UploadFailedException.database(
                        ID,
                        "SocketTimeoutException: " + "Read timed out",
                        new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection")));

        mvc.perform(multipart("/uploads").file(csv()).with(ops()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.error").value("database_unavailable"))
                .andExpect(jsonPath("$.upload_id").value(ID.toString()));
    }

    @Test
    void answers503QuicklyWhenTheDatabaseCannotBeReached() throws Exception {
        when(service.ingest(any(), any()))
                .thenThrow(new CannotGetJdbcConnectionException("Failed to obtain JDBC " + "Connection"));

        mvc.perform(multipart("/uploads").file(csv()).with(ops()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.error").value("database_unavailable"));
    }

    @Test
    void answers400WithoutAFilePart() throws Exception {
        mvc.perform(multipart("/uploads").param("kind", "pickup").with(ops()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("missing_file"));
    }

    @Test
    void answers400ForAnUnknownTimezone() throws Exception {
        mvc.perform(multipart("/uploads").file(csv()).with(ops()).param("timezone", "Mars/Olympus"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid_timezone"));
    }

    @Test
    void answers413ForAFileOverTheUploadLimit() throws Exception {
        when(service.ingest(any(), any())).thenThrow(new MaxUploadSizeExceededException(2_097_152));

        mvc.perform(multipart("/uploads").file(csv()).with(ops()))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.error").value("file_too_large"));
    }

    @Test
    void answersReportQueriesThatCannotBeAnswered() throws Exception {
        when(service.find(any(), anyInt(), anyInt())).thenReturn(Optional.empty());

        mvc.perform(get("/uploads/not-a-uuid").with(ops()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid_upload_id"));
        mvc.perform(get("/uploads/" + ID).param("size", "5000").with(ops()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid_page"));
        mvc.perform(get("/uploads/" + ID).with(ops()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("not_found"));
    }

    @Test
    void answers500WithoutDetailsForAnUnexpectedFailure() throws Exception {
        when(service.ingest(any(), any())).thenThrow(new IllegalStateException("secret detail +971501234567"));

        mvc.perform(multipart("/uploads").file(csv()).with(ops()))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.error").value("internal_error"))
                .andExpect(content().string(not(containsString("+971501234567"))));
    }

    private static UploadReport report() {
        return new UploadReport(
                ID,
                "default",
                "pickup.csv",
                EventType.PICKED_UP,
                UploadState.COMPLETED,
                "http",
                "ops-test",
                1,
                1,
                1,
                0,
                0,
                List.of(),
                List.of(),
                0,
                100,
                null,
                Instant.parse("2023-11-13T09:00:00Z"),
                Instant.parse("2023-11-13T09:00:01Z"));
    }

    private static RequestPostProcessor ops() {
        return key(TestCredentials.OPS_KEY);
    }

    private static RequestPostProcessor key(String apiKey) {
        return request -> {
            request.addHeader("X-API-Key", apiKey);
            return request;
        };
    }

    private static MockMultipartFile csv() {
        return new MockMultipartFile("file", "pickup.csv", "text/csv", "Card ID,Timestamp\n".getBytes());
    }
}
