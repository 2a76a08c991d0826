// One follow-up: the review, the deadline, the apology to start with (seed 001) and the
// buyer's conversation to say it in, every step (who, when), and the work open now —
// take it, record a contact, collect evidence, record the outcome, reopen.
import { App, Button, Descriptions, Drawer, Flex, Input, InputNumber, Modal, Segmented, Select, Spin, Tag, Timeline, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { navigate } from "../../app/route";
import { ApiError } from "../../platform/api";
import { queueComposerInsert } from "../quick-replies/composer-insert";
import { formatTime } from "../workbench/format";
import { RATING_COLOR, STATE_COLOR } from "./review-format";
import { FOLLOW_UP_OUTCOMES, useFollowUp, useFollowUpAction, type FollowUp, type FollowUpRequest, type FollowUpStep } from "./reviews-api";

type Outcome = (typeof FOLLOW_UP_OUTCOMES)[number];
type Asking = { kind: "contact" } | { kind: "evidence" } | { kind: "outcome" } | null;

export function FollowUpDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const detail = useFollowUp(id);
  const act = useFollowUpAction(id ?? "");
  const [asking, setAsking] = useState<Asking>(null);
  const f = detail.data?.followUp;

  const run = (request: FollowUpRequest, done?: () => void) =>
    act.mutate(request, {
      onSuccess: () => {
        setAsking(null);
        done?.();
        void message.success(t(`reviews.done.${request.action}`));
      },
      onError: (err) => {
        if (err instanceof ApiError && err.status === 409) void message.warning(t(err.code === "assigned" ? "reviews.assigned" : "reviews.conflict"));
        else if (err instanceof ApiError && err.code === "evidence_required") void message.error(t("reviews.evidenceRequired"));
        else if (err instanceof ApiError && err.field === "reply") void message.error(t("reviews.replyRequired"));
        else void message.error(t("reviews.actionFailed"));
      },
    });

  const openConversation = () => {
    const d = detail.data!;
    if (!d.conversationId) return;
    // The apology waits in the composer of that conversation until the agent sends it.
    queueComposerInsert(d.conversationId, d.apology);
    navigate({ page: "workbench", conversationId: d.conversationId });
  };

  return (
    <Drawer open={id !== null} onClose={onClose} width={460} title={t("reviews.followUpTitle")} destroyOnHidden>
      {!f || !detail.data ? (
        <Spin />
      ) : (
        <Flex vertical gap={16} data-testid="follow-up-detail" data-status={f.status} data-outcome={f.outcome ?? ""}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t("reviews.buyer")}>{f.nick || "—"}</Descriptions.Item>
            <Descriptions.Item label={t("reviews.ratingTitle")}>
              <Tag color={RATING_COLOR[f.rating]}>{t(`reviews.rating.${f.rating}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t("reviews.text")}>{f.reviewText ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("reviews.order")}>{f.orderExternalId ?? f.orderId}</Descriptions.Item>
            <Descriptions.Item label={t("reviews.deadline")}>
              <Flex gap={8} align="center">
                {formatTime(f.dueAt, i18n.language)}
                <Tag color={STATE_COLOR[f.state]}>{t(`reviews.state.${f.state}`)}</Tag>
              </Flex>
            </Descriptions.Item>
            <Descriptions.Item label={t("reviews.assignee")}>{f.assigneeName ?? t("reviews.nobody")}</Descriptions.Item>
            {f.outcome && <Descriptions.Item label={t("reviews.outcomeTitle")}>{t(`reviews.outcome.${f.outcome}`)}{f.outcomeNote ? ` · ${f.outcomeNote}` : ""}</Descriptions.Item>}
            {f.reply && <Descriptions.Item label={t("reviews.reply")}>{f.reply}</Descriptions.Item>}
          </Descriptions>

          <Flex vertical gap={6} style={{ background: "rgba(0,0,0,0.03)", padding: 12, borderRadius: 8 }}>
            <Typography.Text strong>{t("reviews.apologyTitle")}</Typography.Text>
            <Typography.Paragraph copyable style={{ margin: 0 }} data-testid="follow-up-apology">
              {detail.data.apology}
            </Typography.Paragraph>
            <Flex gap={8} wrap>
              <Button type="primary" disabled={!detail.data.conversationId} onClick={openConversation} data-testid="follow-up-open-chat">
                {t("reviews.openChat")}
              </Button>
              {!detail.data.conversationId && <Typography.Text type="secondary">{t("reviews.noChat")}</Typography.Text>}
            </Flex>
          </Flex>

          <Flex gap={8} wrap>
            {f.actions.includes("take") && f.assigneeId === null && (
              <Button onClick={() => run({ action: "take", version: f.version })} data-testid="follow-up-take">
                {t("reviews.take")}
              </Button>
            )}
            {f.actions.includes("contact") && <Button onClick={() => setAsking({ kind: "contact" })} data-testid="follow-up-contact">{t("reviews.recordContact")}</Button>}
            {f.actions.includes("evidence") && <Button onClick={() => setAsking({ kind: "evidence" })} data-testid="follow-up-evidence">{t("reviews.addEvidence")}</Button>}
            {f.actions.includes("outcome") && (
              <Button type="primary" onClick={() => setAsking({ kind: "outcome" })} data-testid="follow-up-outcome">
                {t("reviews.recordOutcome")}
              </Button>
            )}
            {f.actions.includes("reopen") && <Button onClick={() => run({ action: "reopen", version: f.version })}>{t("reviews.reopen")}</Button>}
          </Flex>

          <div>
            <Typography.Text strong>{t("reviews.steps")}</Typography.Text>
            <Timeline style={{ marginTop: 12 }} items={detail.data.steps.map((s) => ({ content: <StepText step={s} /> }))} />
          </div>
          {asking?.kind === "contact" && <ContactModal busy={act.isPending} onCancel={() => setAsking(null)} onOk={(channel, note) => run({ action: "contact", version: f.version, channel, ...(note ? { note } : {}) })} />}
          {asking?.kind === "evidence" && (
            <EvidenceModal busy={act.isPending} conversationId={detail.data.conversationId} onCancel={() => setAsking(null)} onOk={(evidence) => run({ action: "evidence", version: f.version, ...evidence })} />
          )}
          {asking?.kind === "outcome" && <OutcomeModal f={f} busy={act.isPending} onCancel={() => setAsking(null)} onOk={(outcome) => run({ action: "outcome", version: f.version, ...outcome })} />}
        </Flex>
      )}
    </Drawer>
  );
}

function StepText({ step }: { step: FollowUpStep }) {
  const { t, i18n } = useTranslation();
  const d = step.details as Record<string, string | number | null | undefined>;
  const who = step.agentName ?? t("reviews.system");
  const what =
    step.action === "outcome"
      ? t("reviews.step.outcome", { outcome: t(`reviews.outcome.${String(d.outcome)}`) })
      : step.action === "contacted"
        ? t("reviews.step.contacted", { channel: t(`reviews.channel.${String(d.channel)}`) })
        : step.action === "review_changed"
          ? t("reviews.step.review_changed", { from: t(`reviews.rating.${String(d.from)}`), to: t(`reviews.rating.${String(d.to)}`) })
          : t(`reviews.step.${step.action}`);
  const note = typeof d.note === "string" ? d.note : typeof d.text === "string" ? d.text : null;
  return (
    <Flex vertical data-testid="follow-up-step" data-action={step.action}>
      <Typography.Text>
        {what} · {who}
      </Typography.Text>
      {note && <Typography.Text type="secondary">{note}</Typography.Text>}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatTime(step.at, i18n.language)}
      </Typography.Text>
    </Flex>
  );
}

function ContactModal({ busy, onCancel, onOk }: { busy: boolean; onCancel: () => void; onOk: (channel: "chat" | "phone", note: string) => void }) {
  const { t } = useTranslation();
  const [channel, setChannel] = useState<"chat" | "phone">("chat");
  const [note, setNote] = useState("");
  return (
    <Modal open title={t("reviews.recordContact")} onCancel={onCancel} confirmLoading={busy} onOk={() => onOk(channel, note.trim())} okButtonProps={{ "data-testid": "follow-up-contact-ok" }}>
      <Flex vertical gap={12}>
        <Segmented<"chat" | "phone"> value={channel} onChange={setChannel} options={(["chat", "phone"] as const).map((c) => ({ value: c, label: t(`reviews.channel.${c}`) }))} />
        <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} autoSize={{ minRows: 2 }} placeholder={t("reviews.notePlaceholder")} />
      </Flex>
    </Modal>
  );
}

function EvidenceModal({ busy, conversationId, onCancel, onOk }: { busy: boolean; conversationId: string | null; onCancel: () => void; onOk: (e: { text: string; conversationId?: string; fromSeq?: number; toSeq?: number }) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [fromSeq, setFromSeq] = useState<number | null>(null);
  const [toSeq, setToSeq] = useState<number | null>(null);
  const withChat = conversationId !== null && fromSeq !== null;
  return (
    <Modal
      open
      title={t("reviews.addEvidence")}
      onCancel={onCancel}
      confirmLoading={busy}
      okButtonProps={{ disabled: text.trim() === "" }}
      onOk={() => onOk({ text: text.trim(), ...(withChat ? { conversationId: conversationId!, fromSeq: fromSeq!, toSeq: toSeq ?? fromSeq! } : {}) })}
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t("reviews.evidenceHint")}</Typography.Text>
        <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} maxLength={2000} autoSize={{ minRows: 3 }} placeholder={t("reviews.evidencePlaceholder")} />
        {conversationId && (
          <Flex gap={8} align="center" wrap>
            <Typography.Text>{t("reviews.chatExcerpt")}</Typography.Text>
            <InputNumber min={1} value={fromSeq} onChange={(v) => setFromSeq(v)} placeholder={t("reviews.fromSeq")} />
            <InputNumber min={1} value={toSeq} onChange={(v) => setToSeq(v)} placeholder={t("reviews.toSeq")} />
          </Flex>
        )}
      </Flex>
    </Modal>
  );
}

function OutcomeModal({ f, busy, onCancel, onOk }: { f: FollowUp; busy: boolean; onCancel: () => void; onOk: (o: { outcome: Outcome; note?: string; reply?: string }) => void }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome>("modified");
  const [note, setNote] = useState("");
  const [reply, setReply] = useState("");
  const needsReply = outcome === "explained" && !f.reply;
  return (
    <Modal
      open
      title={t("reviews.recordOutcome")}
      onCancel={onCancel}
      confirmLoading={busy}
      okButtonProps={{ disabled: needsReply && reply.trim() === "", "data-testid": "follow-up-outcome-ok" }}
      onOk={() => onOk({ outcome, ...(note.trim() ? { note: note.trim() } : {}), ...(outcome === "explained" && reply.trim() ? { reply: reply.trim() } : {}) })}
    >
      <Flex vertical gap={12}>
        <Select<Outcome>
          value={outcome}
          onChange={setOutcome}
          data-testid="follow-up-outcome-select"
          options={FOLLOW_UP_OUTCOMES.map((o) => ({ value: o, label: t(`reviews.outcome.${o}`) }))}
        />
        <Typography.Text type="secondary">{t(`reviews.outcomeHint.${outcome}`)}</Typography.Text>
        {outcome === "explained" && <Input.TextArea value={reply} onChange={(e) => setReply(e.target.value)} maxLength={500} autoSize={{ minRows: 2 }} placeholder={f.reply ? f.reply : t("reviews.replyPlaceholder")} />}
        <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} autoSize={{ minRows: 2 }} placeholder={t("reviews.notePlaceholder")} />
      </Flex>
    </Modal>
  );
}
