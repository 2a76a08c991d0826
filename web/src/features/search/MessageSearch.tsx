import { SearchOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Drawer, Empty, Flex, Input, Spin, Tag, Typography, theme } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { navigate } from "../../app/route";
import { apiGet } from "../../platform/api";
import type { ChatMessage, ConversationSummary } from "../../platform/types";
import { formatTime } from "../workbench/format";
import { highlightParts } from "./highlight";

export interface SearchHit {
  message: ChatMessage;
  conversation: ConversationSummary;
  snippet: string;
}

function useMessageSearch(q: string) {
  return useQuery({
    queryKey: ["search", "messages", q],
    queryFn: ({ signal }) => apiGet<{ items: SearchHit[] }>(`/api/v1/search/messages?q=${encodeURIComponent(q)}&limit=20`, signal).then((r) => r.items),
    enabled: q !== "",
    staleTime: 30_000,
  });
}

/** A search box in the workbench header; results open in a drawer, a hit opens its message. */
export function MessageSearch({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState("");
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const submit = (value: string) => {
    setDraft(value);
    setQuery(value.trim());
    setOpen(true);
  };
  const box = (autoFocus: boolean) => (
    <Input.Search
      data-testid="message-search"
      value={draft}
      allowClear
      autoFocus={autoFocus}
      maxLength={100}
      placeholder={t("search.placeholder")}
      aria-label={t("search.placeholder")}
      onChange={(e) => setDraft(e.target.value)}
      onSearch={submit}
    />
  );
  return (
    <>
      {compact ? (
        <Button type="text" shape="circle" aria-label={t("search.open")} icon={<SearchOutlined style={{ color: "#fff" }} />} onClick={() => setOpen(true)} />
      ) : (
        <div style={{ width: 220 }}>{box(false)}</div>
      )}
      <Drawer title={t("search.title")} open={open} onClose={() => setOpen(false)} size={compact ? "100%" : 420} destroyOnHidden={false}>
        {compact && <div style={{ marginBottom: 12 }}>{box(true)}</div>}
        <SearchResults
          query={query}
          onPick={(hit) => {
            setOpen(false);
            navigate({ page: "workbench", conversationId: hit.conversation.id, seq: hit.message.seq });
          }}
        />
      </Drawer>
    </>
  );
}

function SearchResults({ query, onPick }: { query: string; onPick: (hit: SearchHit) => void }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const results = useMessageSearch(query);
  if (!query) return <Typography.Paragraph type="secondary">{t("search.hint")}</Typography.Paragraph>;
  if (results.isError)
    return <Alert type="error" showIcon title={t("search.failed")} action={<Button size="small" onClick={() => void results.refetch()}>{t("common.retry")}</Button>} />;
  if (!results.data) return <Spin style={{ display: "block", margin: "32px auto" }} />;
  if (results.data.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("search.none", { q: query })} />;
  return (
    <Flex vertical gap={4}>
      {results.data.map((hit) => (
        <button
          key={hit.message.id}
          type="button"
          data-testid="search-result"
          onClick={() => onPick(hit)}
          style={{ all: "unset", cursor: "pointer", padding: "8px 10px", borderRadius: 8, border: `1px solid ${token.colorBorderSecondary}` }}
        >
          <Flex justify="space-between" gap={8}>
            <Typography.Text strong ellipsis>
              {hit.conversation.customer.nick}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: "nowrap" }}>
              {formatTime(hit.message.createdAt, i18n.language)}
            </Typography.Text>
          </Flex>
          <Flex gap={6} align="center" style={{ margin: "2px 0" }}>
            <Tag style={{ marginInlineEnd: 0 }}>{t(`search.from.${hit.message.from}`)}</Tag>
            <Tag style={{ marginInlineEnd: 0 }}>{t(`conversation.status.${hit.conversation.status}`)}</Tag>
          </Flex>
          <Typography.Paragraph style={{ margin: 0, fontSize: 13 }} ellipsis={{ rows: 3 }}>
            {highlightParts(hit.snippet || hit.message.text, query).map((part, i) =>
              part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
            )}
          </Typography.Paragraph>
        </button>
      ))}
    </Flex>
  );
}
