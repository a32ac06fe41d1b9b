package com.zywa.cardstatus.ingest.upload;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.zywa.cardstatus.contract.EventType;
import com.zywa.cardstatus.ingest.Partners;
import com.zywa.cardstatus.ingest.parse.FileRefusedException;
import com.zywa.cardstatus.ingest.upload.UploadReport.UploadState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** The upload endpoints as a web slice, the service mocked: every answer and error body, in milliseconds. */
@WebMvcTest(controllers = UploadController.class, properties = "spring.config.name=ingest-producer")
class UploadControllerTests {

    private static final UUID ID = UUID.fromString("3f1c2b8e-6a4d-4e2f-9b1a-0c5d7e8f9a01");

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private UploadService service;

    @Test
    void answers400ForAnUnknownPartner() throws Exception {
        when(service.ingest(any(), any())).thenThrow(Partners.UnknownPartnerException.class);

        mvc.perform(multipart("/uploads").file(csv()).param("partner", "nobody"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("unknown_partner"));
    }

    @Test
    void answers422WithTheUploadIdOfARefusedFile() throws Exception {
        when(service.ingest(any(), any())).thenThrow(new UploadRefusedException(ID,
                new FileRefusedException("unknown_kind", "file name 'cards.csv' does not name a kind")));

        mvc.perform(multipart("/uploads").file(csv()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error").value("unknown_kind"))
                .andExpect(jsonPath("$.upload_id").value(ID.toString()));
    }

    @Test
    void showsAReportWithItsUploadIdAsText() throws Exception {
        when(service.find(ID, 0, 100)).thenReturn(Optional.of(report()));

        mvc.perform(get("/uploads/" + ID)).andExpect(status().isOk())
                .andExpect(jsonPath("$.upload_id").value(ID.toString()))
                .andExpect(jsonPath("$.state").value("COMPLETED"));
    }

    @Test
    void answers503WithTheUploadIdWhenTheEventsCouldNotBePublished() throws Exception {
        when(service.ingest(any(), any())).thenThrow(new UploadFailedException(ID,
                "IllegalStateException: broker down", new IllegalStateException("broker down")));

        mvc.perform(multipart("/uploads").file(csv()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.error").value("publish_failed"))
                .andExpect(jsonPath("$.upload_id").value(ID.toString()));
    }

    @Test
    void answers503DatabaseUnavailableWithTheUploadIdWhenTheDatabaseWentAwayMidUpload() throws Exception {
        when(service.ingest(any(), any())).thenThrow(UploadFailedException.database(ID, "SocketTimeoutException: "
                + "Read timed out", new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection")));

        mvc.perform(multipart("/uploads").file(csv()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.error").value("database_unavailable"))
                .andExpect(jsonPath("$.upload_id").value(ID.toString()));
    }

    @Test
    void answers503QuicklyWhenTheDatabaseCannotBeReached() throws Exception {
        when(service.ingest(any(), any())).thenThrow(new CannotGetJdbcConnectionException("Failed to obtain JDBC "
                + "Connection"));

        mvc.perform(multipart("/uploads").file(csv()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.error").value("database_unavailable"));
    }

    @Test
    void answers400WithoutAFilePart() throws Exception {
        mvc.perform(multipart("/uploads").param("kind", "pickup"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("missing_file"));
    }

    @Test
    void answers400ForAnUnknownTimezone() throws Exception {
        mvc.perform(multipart("/uploads").file(csv()).param("timezone", "Mars/Olympus"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("invalid_timezone"));
    }

    @Test
    void answers413ForAFileOverTheUploadLimit() throws Exception {
        when(service.ingest(any(), any())).thenThrow(new MaxUploadSizeExceededException(2_097_152));

        mvc.perform(multipart("/uploads").file(csv()))
                .andExpect(status().isContentTooLarge()).andExpect(jsonPath("$.error").value("file_too_large"));
    }

    @Test
    void answersReportQueriesThatCannotBeAnswered() throws Exception {
        when(service.find(any(), anyInt(), anyInt())).thenReturn(Optional.empty());

        mvc.perform(get("/uploads/not-a-uuid"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("invalid_upload_id"));
        mvc.perform(get("/uploads/" + ID).param("size", "5000"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("invalid_page"));
        mvc.perform(get("/uploads/" + ID))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.error").value("not_found"));
    }

    @Test
    void answers500WithoutDetailsForAnUnexpectedFailure() throws Exception {
        when(service.ingest(any(), any())).thenThrow(new IllegalStateException("secret detail +971501234567"));

        mvc.perform(multipart("/uploads").file(csv()))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.error").value("internal_error"))
                .andExpect(content().string(not(containsString("+971501234567"))));
    }

    private static UploadReport report() {
        return new UploadReport(ID, "default", "pickup.csv", EventType.PICKED_UP, UploadState.COMPLETED, "http", 1, 1,
                1, 0, 0, List.of(), List.of(), 0, 100, null, Instant.parse("2023-11-13T09:00:00Z"),
                Instant.parse("2023-11-13T09:00:01Z"));
    }

    private static MockMultipartFile csv() {
        return new MockMultipartFile("file", "pickup.csv", "text/csv", "Card ID,Timestamp\n".getBytes());
    }
}
