import { gettableAlertsSchema, gettableSilencesSchema } from "@/lib/alertmanager/types";
import peerA from "@/lib/alertmanager/fixtures/alerts-peer-a.json";
import peerB from "@/lib/alertmanager/fixtures/alerts-peer-b.json";
import silencesJson from "@/lib/alertmanager/fixtures/silences.json";

/** The recorded fixtures of lib/alertmanager/fixtures (see RECORDING.md), parsed. */
export const recordedSilences = gettableSilencesSchema.parse(silencesJson);
export const recordedAlertsA = gettableAlertsSchema.parse(peerA);
export const recordedAlertsB = gettableAlertsSchema.parse(peerB);
