package com.zywa.cardstatus.ingest.upload;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.zywa.cardstatus.ingest.Partners;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(UploadController.class)
class UploadControllerTests {

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

    private static MockMultipartFile csv() {
        return new MockMultipartFile("file", "pickup.csv", "text/csv", "Card ID,Timestamp\n".getBytes());
    }
}
