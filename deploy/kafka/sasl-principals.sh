#!/usr/bin/env bash
# Run inside the Kafka container of docker-compose.sasl.yml, beside the broker: once the broker answers on its
# loopback listener (INTERNAL, 127.0.0.1:19092, not reachable from other containers), gives each service and each
# partner its SCRAM-SHA-512 credential and its ACLs (contract §11.3), then writes /tmp/principals-ready, which the
# healthcheck waits for. The same principals and ACLs as local-stack's LocalKafkaSecurity (./run-local):
#   cardstatus-ingest, cardstatus-processor, cardstatus-notifier: their own topics, groups and transactional IDs;
#   partner-<name> for each name of CARDSTATUS_KAFKA_PARTNERS: Write and Describe on partner.events.<name> only.
# Passwords: CARDSTATUS_KAFKA_SERVICE_<SERVICE>_PASSWORD and CARDSTATUS_KAFKA_PARTNER_<NAME>_PASSWORD (required;
# never printed; not KAFKA_*, which the image would write into the broker's settings).
set -euo pipefail
bin=/opt/kafka/bin
internal=127.0.0.1:19092
rm -f /tmp/principals-ready
until "$bin/kafka-broker-api-versions.sh" --bootstrap-server "$internal" >/dev/null 2>&1; do sleep 2; done

password() {
  local var=$1
  [ -n "${!var:-}" ] || { echo "sasl-principals: $var is not set" >&2; exit 1; }
  printf '%s' "${!var}"
}
users=()
credentials=()
add_user() { users+=("$1"); credentials+=("$2"); }
acl() { "$bin/kafka-acls.sh" --bootstrap-server "$internal" --add --force "$@" >/dev/null; }

add_user cardstatus-ingest "$(password CARDSTATUS_KAFKA_SERVICE_INGEST_PASSWORD)"
add_user cardstatus-processor "$(password CARDSTATUS_KAFKA_SERVICE_PROCESSOR_PASSWORD)"
add_user cardstatus-notifier "$(password CARDSTATUS_KAFKA_SERVICE_NOTIFIER_PASSWORD)"
for partner in ${CARDSTATUS_KAFKA_PARTNERS:-default}; do
  add_user "partner-$partner" "$(password "CARDSTATUS_KAFKA_PARTNER_${partner^^}_PASSWORD")"
done
for i in "${!users[@]}"; do
  "$bin/kafka-configs.sh" --bootstrap-server "$internal" --alter --entity-type users --entity-name "${users[$i]}" \
    --add-config "SCRAM-SHA-512=[iterations=8192,password=${credentials[$i]}]" >/dev/null
done

events=(--topic card.picked-up --topic card.delivery-exception --topic card.delivered --topic card.returned)
for service in ingest processor notifier; do
  # whichever service starts first creates the pipeline's missing topics
  acl --allow-principal "User:cardstatus-$service" --resource-pattern-type prefixed --topic card. --topic partner.events \
    --operation Describe --operation Create --operation DescribeConfigs
done
acl --allow-principal User:cardstatus-ingest --operation Write "${events[@]}" --topic card.rejects --topic card.commands
acl --allow-principal User:cardstatus-ingest --operation Read --resource-pattern-type prefixed --topic partner.events
# what ingest consumed is deleted from the inbound topics (contract §12: a transport, not a store)
acl --allow-principal User:cardstatus-ingest --operation Delete --resource-pattern-type prefixed --topic partner.events
acl --allow-principal User:cardstatus-ingest --operation Read --group ingest-partner-events
acl --allow-principal User:cardstatus-ingest --operation Write --operation Describe --resource-pattern-type prefixed \
  --transactional-id ingest-
acl --allow-principal User:cardstatus-processor --operation Read "${events[@]}" --topic card.status \
  --topic card.commands --topic card.quarantine
acl --allow-principal User:cardstatus-processor --operation Write --topic card.status --topic card.stalled \
  --topic card.quarantine --topic card.events.DLT --topic card.status.DLT
acl --allow-principal User:cardstatus-processor --operation All --resource-pattern-type prefixed \
  --topic card-status-processor
acl --allow-principal User:cardstatus-processor --operation Read --group card-status-processor --group status-projection \
  --group status-quarantine
acl --allow-principal User:cardstatus-processor --operation Write --operation Describe --resource-pattern-type prefixed \
  --transactional-id card-status-processor
acl --allow-principal User:cardstatus-notifier --operation Read --topic card.status --topic card.stalled
acl --allow-principal User:cardstatus-notifier --operation Read --resource-pattern-type prefixed --group status-notifier
for partner in ${CARDSTATUS_KAFKA_PARTNERS:-default}; do
  acl --allow-principal "User:partner-$partner" --operation Write --operation Describe --topic "partner.events.$partner"
done
touch /tmp/principals-ready
echo "sasl-principals: ${#users[@]} principals and their ACLs are set"
