import { useQuery } from '@apollo/client/react';
import type { Month } from '@loan-desk/domain';
import { useI18n } from '../../app/i18n';
import { Card } from '../../ui/Card';
import { QueryState } from '../../ui/states';
import { ClientManagerRankingQuery } from '../rankings/ranking-operations';
import { ComponentDetail, PersonSummary } from '../rankings/component-detail';

/** A client manager's own rank and why (the API returns only their row). */
export function MyRanking({ month }: { month: Month }) {
  const { t } = useI18n();
  const { data, loading, error, refetch } = useQuery(ClientManagerRankingQuery, { variables: { month } });
  const row = data?.clientManagerRanking.rows.nodes[0];
  return (
    <div className="grid cols-2">
      <Card title={t('rankings.components')}>
        <QueryState loading={loading} error={error} empty={!row} onRetry={() => void refetch()}>
          {() => <PersonSummary row={row!} />}
        </QueryState>
      </Card>
      {row && <ComponentDetail row={row} />}
    </div>
  );
}
