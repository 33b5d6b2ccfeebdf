import { ErrorNote } from './Notice';

export function LoadMore({
  hasMore,
  more,
  onMore,
  label = 'Load more',
}: {
  hasMore: boolean;
  more: { busy: boolean; error: string | null };
  onMore: () => Promise<void>;
  label?: string;
}) {
  return (
    <>
      <ErrorNote message={more.error} />
      {hasMore && (
        <button type="button" onClick={() => void onMore()} disabled={more.busy}>
          {more.busy ? 'Loading…' : label}
        </button>
      )}
    </>
  );
}
