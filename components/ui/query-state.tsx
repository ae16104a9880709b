"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { PanelEmpty, PanelError, PanelLoading } from "./panel";

export interface QueryStateProps<T> {
  query: UseQueryResult<T, Error>;
  /** What failed, in the user's terms: "Could not load scrape targets". */
  errorTitle: string;
  loadingLabel: string;
  isEmpty?: (data: T) => boolean;
  empty: ReactNode;
  children: (data: T) => ReactNode;
}

/**
 * Loading, error, empty and data states for one query. After a failure the last good data
 * stays visible, dimmed, under the error, so an outage never blanks a panel.
 */
export function QueryState<T>({ query, errorTitle, loadingLabel, isEmpty, empty, children }: QueryStateProps<T>) {
  const { data, error, isPending, dataUpdatedAt } = query;
  if (isPending) return <PanelLoading label={loadingLabel} />;
  const failed = query.isError && error ? <PanelError title={errorTitle} message={error.message} staleSince={data === undefined ? undefined : dataUpdatedAt} /> : null;
  if (data === undefined) return failed;
  return (
    <>
      {failed}
      <div className={failed ? "opacity-50" : undefined}>{isEmpty?.(data) ? <PanelEmpty>{empty}</PanelEmpty> : children(data)}</div>
    </>
  );
}
