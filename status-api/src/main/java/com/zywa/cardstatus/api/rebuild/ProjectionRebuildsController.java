package com.zywa.cardstatus.api.rebuild;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.zywa.cardstatus.support.errors.ErrorAnswers;
import com.zywa.cardstatus.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rebuilds of the projection for ops (role {@code ops}, contract §10): ask for one, watch it, cancel it. The
 * processor does the work (it owns the projection) and writes its progress where these answers read it; the lookups
 * keep answering from the current generation until the new one has caught up and the view switches.
 */
@RestController
class ProjectionRebuildsController {

    static final String PATH = "/api/v1/projection/rebuilds";
    private static final int LISTED = 20;

    private final ProjectionRebuildRepository rebuilds;

    ProjectionRebuildsController(ProjectionRebuildRepository rebuilds) {
        this.rebuilds = rebuilds;
    }

    /** What ops ask for: {@code reproject} (read card.status again, reasons mapped again). */
    record RebuildRequest(
            @Schema(
                    description = "reproject: card.status read from its start into a new generation, each "
                            + "entry without a reason or with OTHER mapped again by the current mapping; "
                            + "refold (a new fold of the event topics) is not available yet",
                    allowableValues = {"reproject", "refold"})
            @JsonProperty("mode")
            @Nullable
            String mode) {}

    @Operation(summary = "Start rebuilding the projection into a new generation (one at a time)")
    @PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> start(
            @RequestBody(required = false) @Nullable RebuildRequest request, @AuthenticationPrincipal Caller caller) {
        String mode = request == null || request.mode() == null ? "reproject" : request.mode();
        if ("refold".equals(mode)) {
            return ErrorAnswers.answer(
                    HttpStatus.BAD_REQUEST,
                    "mode_not_available",
                    "mode refold (a new fold of the event topics) is not available in this version; use reproject");
        }
        if (!"reproject".equals(mode)) {
            return ErrorAnswers.answer(
                    HttpStatus.BAD_REQUEST, "invalid_mode", "mode must be reproject or refold; got " + mode);
        }
        Optional<Integer> id = rebuilds.request(mode, caller.name());
        if (id.isEmpty()) {
            return ErrorAnswers.answer(
                    HttpStatus.CONFLICT,
                    "rebuild_running",
                    "a rebuild is already requested or building: watch it at " + PATH + ", or cancel it first");
        }
        return ResponseEntity.accepted()
                .location(URI.create(PATH + "/" + id.get()))
                .body(rebuilds.find(id.get()).orElseThrow());
    }

    @Operation(summary = "The projection's latest generations and their rebuilds, newest first")
    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> list() {
        return ResponseEntity.ok(rebuilds.latest(LISTED));
    }

    @Operation(summary = "One generation and its rebuild's progress")
    @GetMapping(path = PATH + "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> one(@PathVariable int id) {
        return rebuilds.find(id).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> notFound(id));
    }

    @Operation(summary = "Cancel a requested or building rebuild; the current generation keeps serving")
    @PostMapping(path = PATH + "/{id}/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> cancel(@PathVariable int id) {
        Optional<ProjectionRebuild> found = rebuilds.find(id);
        if (found.isEmpty()) {
            return notFound(id);
        }
        if (!rebuilds.cancel(id)) {
            return ErrorAnswers.answer(
                    HttpStatus.CONFLICT,
                    "rebuild_not_running",
                    "rebuild " + id + " is " + found.get().state() + ": only a requested or building one can be "
                            + "cancelled");
        }
        return ResponseEntity.accepted().body(rebuilds.find(id).orElseThrow());
    }

    private static ResponseEntity<?> notFound(int id) {
        return ErrorAnswers.answer(HttpStatus.NOT_FOUND, "rebuild_not_found", "no rebuild " + id);
    }
}
