// Proposing an FAQ entry from a real chat (SPEC §7): under a buyer's message the agent
// starts a proposal, picks the buyer's question(s) and the answer(s) that worked by
// clicking the messages, and sends the form; a supervisor approves it on the knowledge page.
import { BookOutlined, CheckCircleFilled } from "@ant-design/icons";
import { Button, Flex, Tooltip, Typography, theme } from "antd";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Intent } from "../../../../server/src/modules/assistant/intent/labels";
import { useSession } from "../../platform/session";
import type { ConversationSummary } from "../../platform/types";
import { FaqFormModal, type FaqFormMode } from "./FaqFormModal";
import { canPick, proposalFrom, type PickableMessage } from "./proposal";

export interface FaqProposal {
  active: boolean;
  picked: ReadonlySet<string>;
  start: (key: string) => void;
  toggle: (key: string) => void;
  cancel: () => void;
}

/** Which messages are picked, for the conversation on screen (another chat starts afresh). */
export function useFaqProposal(conversationId: string): FaqProposal {
  const [state, setState] = useState<{ conversationId: string; picked: Set<string> } | null>(null);
  const current = state?.conversationId === conversationId ? state : null;
  return {
    active: current !== null,
    picked: current?.picked ?? new Set(),
    start: (key) => setState({ conversationId, picked: new Set([key]) }),
    toggle: (key) =>
      setState((s) => {
        if (!s || s.conversationId !== conversationId) return s;
        const picked = new Set(s.picked);
        if (picked.has(key)) picked.delete(key);
        else picked.add(key);
        return { conversationId, picked };
      }),
    cancel: () => setState(null),
  };
}

/** Under a buyer's message: start a proposal with this question. */
export function ProposeLink({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t("knowledge.proposeFromChat")}>
      <Button type="text" size="small" icon={<BookOutlined />} aria-label={t("knowledge.proposeFromChat")} data-testid="faq-propose-start" onClick={onClick} style={{ height: 20, width: 20, marginInlineStart: 2 }} />
    </Tooltip>
  );
}

/** While picking, a message the agent may cite is clickable and shows whether it is picked. */
export function Pickable({ proposal, message, children }: { proposal: FaqProposal; message: PickableMessage; children: ReactNode }) {
  const { token } = theme.useToken();
  if (!proposal.active || !canPick(message)) return children;
  const picked = proposal.picked.has(message.key);
  return (
    <div
      role="checkbox"
      aria-checked={picked}
      tabIndex={0}
      data-testid="faq-pickable"
      data-from={message.from}
      data-picked={picked || undefined}
      onClick={() => proposal.toggle(message.key)}
      onKeyDown={(e) => {
        if (e.key === " " || e.key === "Enter") {
          e.preventDefault();
          proposal.toggle(message.key);
        }
      }}
      style={{
        cursor: "pointer",
        borderRadius: 12,
        outline: picked ? `2px solid ${token.colorPrimary}` : `1px dashed ${token.colorBorder}`,
        outlineOffset: 2,
        position: "relative",
        margin: "4px 0",
      }}
    >
      {picked && <CheckCircleFilled style={{ position: "absolute", top: 4, insetInlineEnd: 4, color: token.colorPrimary, zIndex: 1 }} />}
      {children}
    </div>
  );
}

interface BarProps {
  proposal: FaqProposal;
  messages: readonly PickableMessage[];
  intents: ReadonlyMap<string, { intent: Intent }>;
  conversation: ConversationSummary;
  product: { productId: string; title: string } | null;
}

/** Above the input while picking: how many questions and answers are picked, then the form. */
export function ProposalBar({ proposal, messages, intents, conversation, product }: BarProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const me = useSession();
  const [mode, setMode] = useState<FaqFormMode | null>(null);
  if (!proposal.active && !mode) return null;
  const picked = messages.filter((m) => proposal.picked.has(m.key) && canPick(m));
  const questions = picked.filter((m) => m.from === "buyer");
  const answers = picked.filter((m) => m.from === "agent");
  const next = () => {
    const shop = me.shops.find((s) => s.id === conversation.shopId);
    const start = proposalFrom(messages, proposal.picked, { buyer: conversation.customer.nick, shop: shop?.name, product: product?.title });
    setMode({ kind: "propose", shopId: conversation.shopId, conversationId: conversation.id, start, intent: intents.get(questions[0]!.key)?.intent ?? null, productId: product?.productId ?? null });
  };
  return (
    <>
      {proposal.active && (
        <Flex data-testid="faq-proposal-bar" align="center" gap={8} wrap style={{ padding: "6px 12px", borderTop: `1px solid ${token.colorBorderSecondary}`, background: token.colorPrimaryBg }}>
          <BookOutlined style={{ color: token.colorPrimary }} />
          <Typography.Text style={{ flex: 1, fontSize: 13 }}>{t("knowledge.pickHint", { questions: questions.length, answers: answers.length })}</Typography.Text>
          <Button size="small" onClick={proposal.cancel}>
            {t("common.cancel")}
          </Button>
          <Button size="small" type="primary" disabled={questions.length === 0 || answers.length === 0} onClick={next} data-testid="faq-propose-next">
            {t("knowledge.next")}
          </Button>
        </Flex>
      )}
      <FaqFormModal
        mode={mode}
        categories={[]}
        onClose={(saved) => {
          // A sent proposal ends the picking; a cancelled form goes back to it.
          if (saved) proposal.cancel();
          setMode(null);
        }}
      />
    </>
  );
}
