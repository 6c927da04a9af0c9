import { Link } from 'react-router';
import { Page } from '../../../components/ui/page';
import { ErrorAlert, ResultStatus } from '../../../components/ui/query-feedback';
import { paths } from '../../../lib/site';
import { useSubsystems } from '../../../lib/subsystems';

export function OtherServicesPage() {
  const query = useSubsystems();

  return (
    <Page title="其他服務">
      <p>
        本入口整合國民健康署下列預防保健及戒菸服務子系統。請於
        <Link to={paths.apply}>帳號申請</Link>
        時勾選所需的子系統；申請子系統帳號需待子系統管理者審核通過後，才可以連結至子系統進行使用。審核通過後，登入本入口，於「我的服務」點選「進入系統」即可開啟子系統，不必再次登入。
      </p>
      <p>若您只需使用「篩檢結果查詢」功能，則無須申請任何子系統。</p>

      {query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <ResultStatus isPending={query.isPending} total={query.data?.items.length} />
          {query.data ? (
            <ul className="subsystem-list" aria-label="子系統">
              {query.data.items.map((subsystem) => (
                <li key={subsystem.code} className="card">
                  <h2 className="card-title">{subsystem.name}</h2>
                  <p>{subsystem.description}</p>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
    </Page>
  );
}
