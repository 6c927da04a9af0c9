import { Page } from '../../../components/ui/page';
import { ErrorAlert } from '../../../components/ui/query-feedback';
import { webMessages } from '../../../lib/site';
import { useGetProfile } from '../api/profile';
import { ChangePasswordSection } from './change-password-section';
import { ManagerRequestsSection } from './manager-requests-section';
import { MySubsystems } from './my-subsystems';
import { ProfileSection } from './profile-section';
import '../account.css';

export function AccountProfilePage() {
  const profile = useGetProfile();
  const institutionStaff = profile.data?.role === 'INSTITUTION_MANAGER' || profile.data?.role === 'GENERAL_USER';
  return (
    <Page title="我的帳號">
      {profile.isPending ? <p role="status">{webMessages.loading}</p> : null}
      {profile.error ? <ErrorAlert error={profile.error} onRetry={() => void profile.refetch()} /> : null}
      {profile.data ? (
        <>
          <ProfileSection profile={profile.data} />
          <ChangePasswordSection />
          {institutionStaff ? <MySubsystems /> : null}
          {institutionStaff ? <ManagerRequestsSection role={profile.data.role} /> : null}
        </>
      ) : null}
    </Page>
  );
}
