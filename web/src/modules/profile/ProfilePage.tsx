import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { PageHeader } from '../../ui/index.ts';
import { ApiTokensCard } from './ApiTokensCard.tsx';
import { PasswordCard } from './PasswordCard.tsx';
import { ProfileDetailsCard } from './ProfileDetailsCard.tsx';
import { SessionsCard } from './SessionsCard.tsx';
import { TwoFactorCard } from './TwoFactorCard.tsx';

export function ProfilePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  usePageTitle(t('profile.title'));
  return (
    <>
      <PageHeader title={t('profile.title')} description={t('profile.intro')} />
      <div className="cg-stack">
        {/* Remounts when the language changes elsewhere (the header), so the form shows the saved value. */}
        <ProfileDetailsCard key={user.locale} />
        <PasswordCard />
        <TwoFactorCard />
        <SessionsCard />
        <ApiTokensCard />
      </div>
    </>
  );
}
