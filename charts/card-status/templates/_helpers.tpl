{{/* Chart name, overridable. */}}
{{- define "card-status.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Release-scoped resource prefix. */}}
{{- define "card-status.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Labels common to every resource. */}}
{{- define "card-status.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/part-of: {{ include "card-status.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* Selector labels of one component: (dict "root" $ "component" "status-api"). */}}
{{- define "card-status.selectorLabels" -}}
app.kubernetes.io/name: {{ .component }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{/* Image of one service. */}}
{{- define "card-status.image" -}}
{{- $tag := default .root.Chart.AppVersion .root.Values.image.tag -}}
{{- printf "%s/%s/%s:%s" .root.Values.image.registry .root.Values.image.repositoryPrefix .component $tag }}
{{- end }}

{{/* Name of the Secret holding the database passwords. */}}
{{- define "card-status.secretName" -}}
{{- default (printf "%s-db" (include "card-status.fullname" .)) .Values.postgresql.existingSecret }}
{{- end }}

{{/* Name of the Secret holding the API key hashes, or nothing when no key is configured. */}}
{{- define "card-status.apiKeysSecretName" -}}
{{- if .Values.security.existingSecret }}
{{- .Values.security.existingSecret }}
{{- else if .Values.security.apiKeys }}
{{- printf "%s-api-keys" (include "card-status.fullname" .) }}
{{- end }}
{{- end }}

{{/* Environment of one service: (dict "root" $ "db" .Values.postgresql.api "kafka" .Values.kafka.sasl.ingest): its database
     user, its Kafka principal (with kafka.sasl.enabled; the API uses no Kafka), config, JVM options. */}}
{{- define "card-status.commonEnv" -}}
- name: SPRING_DATASOURCE_USERNAME
  value: {{ .db.username | quote }}
- name: SPRING_DATASOURCE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "card-status.secretName" .root }}
      key: {{ .db.passwordKey }}
- name: JAVA_TOOL_OPTIONS
  value: {{ .root.Values.javaToolOptions | quote }}
{{- with .root.Values.personalData }}
{{- if .existingSecret }}
- name: CARDSTATUS_PERSONALDATA_KEK
  valueFrom:
    secretKeyRef:
      name: {{ .existingSecret }}
      key: {{ .kekKey }}
- name: CARDSTATUS_PERSONALDATA_PHONEHASHKEY
  valueFrom:
    secretKeyRef:
      name: {{ .existingSecret }}
      key: {{ .phoneHashKeyKey }}
{{- end }}
{{- end }}
{{- if and .kafka .root.Values.kafka.sasl.enabled }}
{{- $sasl := .root.Values.kafka.sasl }}
- name: SPRING_KAFKA_SECURITY_PROTOCOL
  value: {{ $sasl.securityProtocol | quote }}
- name: SPRING_KAFKA_PROPERTIES_SASL_MECHANISM
  value: {{ $sasl.mechanism | quote }}
- name: KAFKA_SASL_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ required "kafka.sasl.existingSecret is required with kafka.sasl.enabled" $sasl.existingSecret }}
      key: {{ .kafka.passwordKey }}
- name: SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG
  value: {{ printf "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"%s\" password=\"$(KAFKA_SASL_PASSWORD)\";" .kafka.username | quote }}
{{- end }}
{{- with .root.Values.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* Read-only mounts of the API key hashes and the TLS material, when configured. */}}
{{- define "card-status.securityMounts" -}}
{{- if include "card-status.apiKeysSecretName" . }}
- {name: api-keys, mountPath: /etc/card-status/security, readOnly: true}
{{- end }}
{{- if .Values.tls.existingSecret }}
- {name: tls, mountPath: /etc/card-status/tls, readOnly: true}
{{- end }}
{{- end }}

{{/* Volumes behind card-status.securityMounts. */}}
{{- define "card-status.securityVolumes" -}}
{{- with include "card-status.apiKeysSecretName" . }}
- name: api-keys
  secret:
    secretName: {{ . }}
    items:
      - {key: {{ if $.Values.security.existingSecret }}{{ $.Values.security.existingSecretKey }}{{ else }}api-keys.properties{{ end }}, path: api-keys.properties}
{{- end }}
{{- with .Values.tls.existingSecret }}
- name: tls
  secret:
    secretName: {{ . }}
{{- end }}
{{- end }}

{{/* Annotations rolling the pods when their configuration or secrets change (API keys are read at start-up). */}}
{{- define "card-status.checksums" -}}
checksum/config: {{ include (print .Template.BasePath "/configmap.yaml") . | sha256sum }}
checksum/secret: {{ include (print .Template.BasePath "/secret.yaml") . | sha256sum }}
checksum/api-keys: {{ include (print .Template.BasePath "/api-keys-secret.yaml") . | sha256sum }}
{{- end }}

{{/* Pod-level settings shared by the three services. */}}
{{- define "card-status.podSettings" -}}
{{- with .root.Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
serviceAccountName: {{ include "card-status.fullname" .root }}
automountServiceAccountToken: false
securityContext:
  {{- toYaml .root.Values.podSecurityContext | nindent 2 }}
{{- with .values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}

{{/* Container settings shared by the three services: image, security, probes on the actuator health groups. */}}
{{- define "card-status.containerSettings" -}}
image: {{ include "card-status.image" (dict "root" .root "component" .component) }}
imagePullPolicy: {{ .root.Values.image.pullPolicy }}
securityContext:
  {{- toYaml .root.Values.containerSecurityContext | nindent 2 }}
ports:
  - name: http
    containerPort: 8080
    protocol: TCP
envFrom:
  - configMapRef:
      name: {{ include "card-status.fullname" .root }}
startupProbe:
  httpGet: {path: /actuator/health/liveness, port: http}
  periodSeconds: 5
  failureThreshold: 36
livenessProbe:
  httpGet: {path: /actuator/health/liveness, port: http}
  periodSeconds: 10
  failureThreshold: 3
readinessProbe:
  httpGet: {path: /actuator/health/readiness, port: http}
  periodSeconds: 5
  failureThreshold: 3
resources:
  {{- toYaml .values.resources | nindent 2 }}
{{- end }}
