/** What the dashboard shows before any history exists: where to get some. Presentational. */

/** Props of {@link EmptyState}. */
export interface EmptyStateProps {
  title: string;
  body: string;
  action: string;
  onAction: () => void;
}

/** A friendly empty state with one way forward. */
export function EmptyState({ title, body, action, onAction }: EmptyStateProps) {
  return (
    <section class="empty" data-testid="dashboard-empty">
      <h2>{title}</h2>
      <p>{body}</p>
      <button type="button" class="primary" onClick={onAction}>
        {action}
      </button>
    </section>
  );
}
