package com.zywa.cardstatus.api.lookup;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Point reads of the projection by card ID and by phone (newest status first). */
interface CardRepository extends Repository<CardRow, String> {

    String COLUMNS = "card_id, status, status_at, phone, comment, delivery_exceptions, history::text AS history, updated_at";

    @Query("SELECT " + COLUMNS + " FROM card_status WHERE card_id = :cardId")
    Optional<CardRow> findByCardId(String cardId);

    @Query("SELECT " + COLUMNS + " FROM card_status WHERE phone = :phone ORDER BY status_at DESC, card_id LIMIT 100")
    List<CardRow> findByPhone(String phone);
}
